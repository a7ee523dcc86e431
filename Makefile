# Thin wrapper over CMake (conventions C8).
.PHONY: all run test release clean format
all: release
release:
	cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
	cmake --build build-release -j
run:
	scripts/run.sh
test:
	scripts/test.sh
format:
	clang-format -i $$(git ls-files '*.c' '*.h')
clean:
	rm -rf build build-test build-release
