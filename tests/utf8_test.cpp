#include "hpa/io/utf8.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace hpa;
using namespace hpa::io;

TEST_CASE("utf8: well-formed text, up to U+10FFFF", "[utf8]") {
  for (const char* s :
       {"", "station", "平顶山市监测站", "\xF0\x9F\x98\x80" /* U+1F600 */, "\xF4\x8F\xBF\xBF" /* U+10FFFF */,
        "\xED\x9F\xBF" /* U+D7FF */, "\xEE\x80\x80" /* U+E000 */, "\xEF\xBF\xBF" /* U+FFFF */, "\xC2\x80" /* U+0080 */,
        "\xE0\xA0\x80" /* U+0800 */, "\xF0\x90\x80\x80" /* U+10000 */}) {
    INFO(s);
    CHECK(is_utf8(s));
  }
}

TEST_CASE("utf8: overlong forms, surrogates, beyond U+10FFFF and GBK are refused", "[utf8]") {
  const std::pair<std::string, std::size_t> bad[] = {
      {"A\xC0\x80", 1},         // overlong NUL
      {"\xC1\xBF", 0},          // overlong U+007F
      {"\xE0\x80\x80", 0},      // overlong, 3 bytes
      {"\xE0\x9F\xBF", 0},      // overlong U+07FF
      {"\xF0\x80\x80\x80", 0},  // overlong, 4 bytes
      {"\xF0\x8F\xBF\xBF", 0},  // overlong U+FFFF
      {"ab\xED\xA0\x80", 2},    // surrogate U+D800
      {"\xED\xBF\xBF", 0},      // surrogate U+DFFF
      {"\xF4\x90\x80\x80", 0},  // U+110000
      {"\xF5\x80\x80\x80", 0},  // no such lead byte
      {"\xFF", 0},              // never in UTF-8
      {"\x80", 0},              // a lone continuation byte
      {"\xE5\xB9", 0},          // cut short
      {"\xE5\xB9"
       "A",
       0},                              // cut short before ASCII
      {"\xC6\xBD\xB6\xA5\xC9\xBD", 2},  // 平顶山 in GBK (its first two bytes happen to be U+01BD)
  };
  for (const auto& [s, prefix] : bad) {
    INFO(printable(s));
    CHECK_FALSE(is_utf8(s));
    CHECK(utf8_valid_prefix(s) == prefix);
  }
  CHECK_THROWS_WITH(check_utf8("\xED\xA0\x80", location{"a.csv", 3, 1}),
                    "a.csv:3:1: text is not UTF-8 (GBK? convert the file first: iconv -f GBK -t UTF-8)");
  CHECK_NOTHROW(check_utf8("平顶山", location{"a.csv", 3, 1}));
}

TEST_CASE("utf8: quoted input is safe to print and short", "[utf8]") {
  CHECK(quote("n/a") == "'n/a'");
  CHECK(quote("平顶山") == "'平顶山'");
  // the start of a gzip file: control bytes and bytes that are not UTF-8 are escaped
  CHECK(quote(std::string("\x1f\x8b\x08\x00", 4)) == "'\\x1f\\x8b\\x08\\x00'");
  CHECK(quote("PK\x03\x04") == "'PK\\x03\\x04'");
  CHECK(quote("a\tb\x1b[31m\x7f") == "'a\\x09b\\x1b[31m\\x7f'");
  CHECK(quote("A\xC0\x80") == "'A\\xc0\\x80'");
  // long text is cut at a character, and says how long it was
  CHECK(quote(std::string(100, 'x')) == "'" + std::string(80, 'x') + "…' (100 bytes)");
  CHECK(quote(std::string(80, 'x')) == "'" + std::string(80, 'x') + "'");
  std::string cities;
  for (int i = 0; i < 30; ++i) cities += "平";  // 3 bytes each: 26 fit in 80
  std::string want;
  for (int i = 0; i < 26; ++i) want += "平";
  CHECK(quote(cities) == "'" + want + "…' (90 bytes)");
  CHECK(printable(std::string(1 << 20, '\x01'), 8) == "\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01…");
}

TEST_CASE("utf8: a name is UTF-8 without a NUL byte", "[utf8]") {
  using namespace std::string_literals;
  const location at{"a.csv", 2, 1};
  CHECK_NOTHROW(check_name("平顶山市监测站", at));
  CHECK_THROWS_WITH(check_name("A\0B"s, at), "a.csv:2:1: a station name must not hold a NUL byte, got 'A\\x00B'");
  CHECK_THROWS_WITH(check_name("\0"s, at, "an area"), "a.csv:2:1: an area must not hold a NUL byte, got '\\x00'");
  CHECK_NOTHROW(check_name("Site\nsouth\t2", at));  // a quoted CSV field may hold a line break
  CHECK_THROWS_WITH(check_name("\xC6\xBD\xB6\xA5", at), Catch::StartsWith("a.csv:2:1: text is not UTF-8"));
  CHECK(is_printable_ascii("Dongsi 1"));
  CHECK_FALSE(is_printable_ascii("A\0B"s));
  CHECK_FALSE(is_printable_ascii("A\x7F"));
  CHECK_FALSE(is_printable_ascii("东四"));
}
