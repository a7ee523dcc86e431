# office-lib.sh: sourced by the t025*-office-*.sh tests. office_render
# FIXTURE FMT OUT renders tests/resources/FIXTURE.json with `gongkai render`;
# while that command is not built yet (the CLI stub exits 5), it falls back
# to the library through the render unit tests' GK_OFFICE_DUMP hook, and
# says so.
office_render() {
    _in="$GK_SOURCE_DIR/tests/resources/$1.json"
    if "$GONGKAI" render --help >/dev/null 2>&1; then
        "$GONGKAI" render "$_in" --to "$2" -o "$3"
        return $?
    fi
    _dump="$(dirname "$3")/dump"
    mkdir -p "$_dump"
    if [ ! -f "$_dump/$1.$2" ]; then
        echo "NOTE: 'gongkai render' not available yet; rendering through libgk (gk_test_render)"
        GK_OFFICE_DUMP="$_dump" "$GK_BUILD_DIR/gk_test_render" -s render_office >/dev/null || return 1
    fi
    cp "$_dump/$1.$2" "$3"
}
