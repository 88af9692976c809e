#include "hpa/plot/svg.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

using namespace hpa::plot;

TEST_CASE("svg: numbers are written in hundredths, without trailing zeros or a negative zero", "[svg]") {
  CHECK(svg::num(0) == "0");
  CHECK(svg::num(12) == "12");
  CHECK(svg::num(12.5) == "12.5");
  CHECK(svg::num(12.05) == "12.05");
  CHECK(svg::num(0.07) == "0.07");
  CHECK(svg::num(1.0 / 3) == "0.33");
  CHECK(svg::num(2.0 / 3) == "0.67");
  CHECK(svg::num(-3.2) == "-3.2");
  CHECK(svg::num(-0.004) == "0");
  CHECK(svg::num(-0.005) == "-0.01");  // half away from zero
  CHECK(svg::num(0.125) == "0.13");    // exactly half a hundredth in binary
  CHECK(svg::num(-0.125) == "-0.13");
  CHECK(svg::num(1199.996) == "1200");
  CHECK(svg::num(123456789.125) == "123456789.13");
}

TEST_CASE("svg: a span is the difference of the rounded ends", "[svg]") {
  // 10.004 and 20.006 round to 10 and 20.01: the rect drawn from num(a) ends exactly at num(b)
  CHECK(svg::span(10.004, 20.006) == "10.01");
  CHECK(svg::span(78, 78) == "0");
  CHECK(svg::span(20, 10) == "-10");
  const double a = 78 + 1064.0 * 37 / 336, b = 78 + 1064.0 * 161 / 336;
  CHECK(svg::hundredths(a) + std::llround(std::stod(svg::span(a, b)) * 100) == svg::hundredths(b));
}

TEST_CASE("svg: text is escaped for content and double-quoted attributes", "[svg]") {
  CHECK(svg::escape("A & B <c> \"d\" 'e'") == "A &amp; B &lt;c&gt; &quot;d&quot; 'e'");
  CHECK(svg::escape("市监测站") == "市监测站");
  CHECK(svg::escape("") == "");
  CHECK(svg::escape("a\x01"
                    "b\tc") == "a b\tc");  // XML 1.0 has no place for C0 controls
}

TEST_CASE("svg: the other characters XML 1.0 forbids become U+FFFD", "[svg]") {
  CHECK(svg::escape("A\xEF\xBF\xBE"
                    "B\xEF\xBF\xBF"
                    "C") ==
        "A\xEF\xBF\xBD"
        "B\xEF\xBF\xBD"
        "C");                                                    // U+FFFE, U+FFFF
  CHECK(svg::escape("\xEF\xBF\xBD") == "\xEF\xBF\xBD");          // U+FFFD itself is allowed
  CHECK(svg::escape("\xEF\xB7\x90") == "\xEF\xB7\x90");          // U+FDD0: a noncharacter, but an XML Char
  CHECK(svg::escape("\xF4\x8F\xBF\xBF") == "\xF4\x8F\xBF\xBF");  // U+10FFFF
  CHECK(svg::escape("a\xFF"
                    "b\xED\xA0\x80"
                    "c") ==  // not UTF-8: a byte that is none, a surrogate
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
        "c");
  CHECK(svg::escape("\xE5\xB8") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // cut in the middle of 市
}

TEST_CASE("svg: fit cuts text to a width at a character boundary", "[svg]") {
  CHECK(svg::fit("S0001", 10, 100) == "S0001");
  CHECK(svg::fit("abcdefghij", 10, 36) == "abcde…");         // 5 × 6 + 6 px
  CHECK(svg::fit("平顶山市监测站", 10, 46) == "平顶山市…");  // 4 × 10 + 6 px
  CHECK(svg::fit("平顶山市监测站", 10, 45) == "平顶山…");
  CHECK(svg::fit("平顶山市监测站", 10, 1) == "…");
}

TEST_CASE("svg: text width counts CJK characters as one em and others as 0.6", "[svg]") {
  CHECK(svg::text_width("28", 10) == 12);
  CHECK(svg::text_width("市监测站", 10) == 40);
  CHECK(svg::text_width("2023年12月", 10) == 6 * 6 + 2 * 10);
  CHECK(svg::text_width("–", 10) == 6);  // an en dash (U+2013) is narrow
  CHECK(svg::text_width("", 10) == 0);
}

TEST_CASE("svg: the writer makes a self-contained document", "[svg]") {
  std::string out;
  svg::writer w(out);
  w.begin(100, 50.5, "A <title>", "what it shows & why");
  w.tag("rect").at("x", 1.25).at("y", 2).length("width", 1.25, 11.75).at("fill", "#E0001B").close();
  w.tag("g").at("class", "x").open();
  w.title("tip");
  w.tag("text").at("x", 3).text("a<b");
  w.close("g");
  w.end();
  CHECK(out ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50.5\" viewBox=\"0 0 100 50.5\" "
        "font-family=\"'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro "
        "Hei','Heiti SC',sans-serif\" role=\"img\">\n"
        "<title>A &lt;title&gt;</title>\n"
        "<desc>what it shows &amp; why</desc>\n"
        "<rect width=\"100\" height=\"50.5\" fill=\"#ffffff\"/>\n"
        "<rect x=\"1.25\" y=\"2\" width=\"10.5\" fill=\"#E0001B\"/>\n"
        "<g class=\"x\">\n"
        "<title>tip</title>\n"
        "<text x=\"3\">a&lt;b</text>\n"
        "</g>\n"
        "</svg>\n");
  CHECK(out.find("<script") == std::string::npos);
  CHECK(out.find("href") == std::string::npos);
}
