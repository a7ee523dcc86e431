/*
 * detect.c: worked examples for every detector: exact byte offsets into the
 * original, checksums, boundaries, and the normalised view.
 */
#include <string.h>
#include "helpers.h"

#define EXPECT(text, want)                                                                         \
    do {                                                                                           \
        char got_[4096];                                                                           \
        GK_T_CALL(screen_summary(got_, sizeof got_, text, strlen(text), NULL,                      \
                                 GK_SCREEN_ENGINE_AUTO, 0));                                       \
        GK_T_STR_EQ(got_, want);                                                                   \
    } while (0)

/* GB 11643: 11010519491231002X is the standard's own example. */
GK_TEST(screen_detect, id_card_18_with_x)
{
    EXPECT("身份证号11010519491231002X。", "id_card@12-30");
    EXPECT("350102199003071234", "id_card@0-18");
    EXPECT("ID 110105194912310020 end", "id_card_bad_checksum@3-21");
}

GK_TEST(screen_detect, id_card_birth_date_and_province)
{
    /* 1990-02-30 is no date; province 99 does not exist: neither is an ID. */
    EXPECT("350102199002301234", "");
    EXPECT("990102199003071234", "");
    /* 29 February only in leap years: 2000 yes. */
    EXPECT("350102200002294562", "id_card@0-18");
}

GK_TEST(screen_detect, id_card_15_digit_old_form)
{
    EXPECT("旧证号350102900307123", "id_card@9-24");
    EXPECT("350102901307123", ""); /* month 13 */
}

GK_TEST(screen_detect, id_card_not_inside_longer_runs)
{
    /* 19 and 20 digits: no ID and no phone inside. */
    EXPECT("3501021990030712345", "");
    EXPECT("13501021990030712345", "");
    EXPECT("编号A350102199003071234", "");
}

GK_TEST(screen_detect, mobile_boundaries_and_grouping)
{
    EXPECT("电话13800138000。", "mobile@6-17");
    EXPECT("138 0013 8000", "mobile@0-13");
    EXPECT("138-0013-8000", "mobile@0-13");
    EXPECT("+86 13800138000", "mobile@4-15");
    EXPECT("113800138000", "");    /* 12 digits */
    EXPECT("12800138000", "");     /* 128 is no mobile segment */
    EXPECT("13800138000.5", "");   /* a decimal number */
    EXPECT("No13800138000", "");   /* glued to letters */
}

GK_TEST(screen_detect, full_width_and_spaces_map_to_original)
{
    /* "1３8 0013 8000": ３ is 3 bytes, so the number spans 0..15 bytes. */
    EXPECT("1\xEF\xBC\x93" "8 0013 8000", "mobile@0-15");
    /* Full-width digits throughout: 11 x 3 bytes. */
    EXPECT("手机：１３８００１３８０００", "mobile@9-42");
    /* Zero-width space inside a number. */
    EXPECT("138\xE2\x80\x8B" "00138000", "mobile@0-14");
}

GK_TEST(screen_detect, landline_with_area_code_is_info)
{
    EXPECT("电话：0591-87654321", "landline@9-22");
    EXPECT("(010)62345678", "landline@1-13");
    EXPECT("电话：059187654321", "landline@9-21");
    EXPECT("87654321", ""); /* no area code */
    EXPECT("0591-12345678", ""); /* local numbers do not start with 1 */
}

GK_TEST(screen_detect, bank_card_luhn)
{
    EXPECT("卡号6222021234567890128", "bank_card@6-25");
    EXPECT("6222 0212 3456 7890 128", "bank_card@0-23");
    EXPECT("卡号6222021234567890127", ""); /* Luhn fails */
    EXPECT("6217001234567893", "bank_card@0-16");
}

GK_TEST(screen_detect, email)
{
    EXPECT("邮箱zhang.san@example.com。", "email@6-27");
    EXPECT("13800138000@qq.com", "email@0-18"); /* the mobile inside is not reported */
    EXPECT("a@b", "");
    EXPECT("@example.com", "");
}

GK_TEST(screen_detect, passport_and_plate)
{
    EXPECT("护照E12345678", "passport@6-15");
    EXPECT("护照EA1234567", "passport@6-15");
    EXPECT("车牌闽A12345", "plate@6-15");
    EXPECT("车牌闽A·12345", "plate@6-17");
    EXPECT("粤BD12345", "plate@0-10"); /* new-energy plate: 6 characters */
    EXPECT("闽ABCDEF", "");
}

GK_TEST(screen_detect, credit_code_gb32100_is_info)
{
    EXPECT("统一社会信用代码：91110108551385082Q", "credit_code@27-45");
    EXPECT("91110108551385082R", "");
}

GK_TEST(screen_detect, secret_markers)
{
    EXPECT("秘密★1年", "secret_marker@0-13");
    EXPECT("机密★长期", "secret_marker@0-15");
    EXPECT("绝密 ★", "secret_marker@0-10");
    EXPECT("五星★级", ""); /* a star without a 密级 */
    EXPECT("内部资料 注意保密", "secret_marker@0-12 secret_marker@13-25");
    /* 商业秘密 in a disclosure report is not a marker. */
    EXPECT("涉及商业秘密、个人隐私", "");
}

GK_TEST(screen_detect, office_text_without_personal_data)
{
    EXPECT("2024年共收到政府信息公开申请27件，其中当面申请3件。", "");
    EXPECT("| 801000081 | 2023-01-15 | 12.5 |", "");
}

GK_TEST(screen_detect, crawled_table_cells_are_not_phones)
{
    /* Corpus 009: cells 1|5|13|0|0|0|0|1|5|4 run together between labels. */
    EXPECT("本年新收政府信息公开申请数量15130000154二、上年结转", "");
    /* The same digits with a phone cue, or followed by punctuation, are a phone. */
    EXPECT("联系电话15130000154二", "mobile@12-23");
    EXPECT("张三15130000154，", "mobile@6-17");
}

GK_TEST(screen_detect, office_mailbox_next_to_landline_is_info)
{
    char got[256];
    gk_screen *s = NULL;
    gk_screen_findings fs = GK_SCREEN_FINDINGS_INIT;
    static const char a[] = "电话：0591-87573297，电子邮箱：glxxgk@sina.com。";
    static const char b[] = "申请人邮箱：zhang.san@example.com。";

    (void)got;
    GK_T_CALL(gk_screen_new(&s, NULL, NULL));
    GK_T_CALL(gk_screen_buffer(s, a, strlen(a), gk_screen_collect, &fs));
    GK_T_CALL(gk_screen_buffer(s, b, strlen(b), gk_screen_collect, &fs));
    GK_T_INT_EQ(fs.count, 3);
    GK_T_INT_EQ(fs.items[1].category, GK_SCREEN_EMAIL);
    GK_T_INT_EQ(fs.items[1].severity, GK_SCREEN_INFO);
    GK_T_INT_EQ(fs.items[2].category, GK_SCREEN_EMAIL);
    GK_T_INT_EQ(fs.items[2].severity, GK_SCREEN_WARNING);
    gk_screen_findings_release(&fs);
    gk_screen_free(s);
}
