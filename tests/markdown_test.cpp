#include "hpa/io/markdown.hpp"

#include <catch2/catch.hpp>

using hpa::io::markdown_text;

TEST_CASE("markdown: plain names pass as they are", "[markdown]") {
  CHECK(markdown_text("") == "");
  CHECK(markdown_text("市监测站") == "市监测站");
  CHECK(markdown_text("Wanshouxigong") == "Wanshouxigong");
  CHECK(markdown_text("S-01 (east), 2023.csv") == "S-01 (east), 2023.csv");
  CHECK(markdown_text("豫环委办〔2023〕12号") == "豫环委办〔2023〕12号");
}

TEST_CASE("markdown: HTML is text, never a tag, an autolink or an entity", "[markdown]") {
  CHECK(markdown_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(markdown_text("<javascript:alert(1)>") == "&lt;javascript:alert(1)&gt;");
  CHECK(markdown_text("&lt;b&gt;") == "&amp;lt;b&amp;gt;");
}

TEST_CASE("markdown: links, emphasis, code, tables and headings are escaped", "[markdown]") {
  CHECK(markdown_text("[a](javascript:alert(1))") == "\\[a\\](javascript:alert(1))");
  CHECK(markdown_text("![x](http://e/x.png)") == "!\\[x\\](http://e/x.png)");
  CHECK(markdown_text("*a* _b_ ~~c~~") == "\\*a\\* \\_b\\_ \\~\\~c\\~\\~");
  CHECK(markdown_text("`rm -rf`") == "\\`rm -rf\\`");
  CHECK(markdown_text("a | b") == "a \\| b");
  CHECK(markdown_text("# x") == "\\# x");
  CHECK(markdown_text("a\\b") == "a\\\\b");
  CHECK(markdown_text("two_stations.csv") == "two_stations.csv");  // no emphasis between letters
  CHECK(markdown_text("_a_ a_ _a a__b") == "\\_a\\_ a\\_ \\_a a\\_\\_b");
}

TEST_CASE("markdown: what would start a block at the start of a line is escaped", "[markdown]") {
  CHECK(markdown_text("- x") == "\\- x");
  CHECK(markdown_text("+ x") == "\\+ x");
  CHECK(markdown_text("===") == "\\===");
  CHECK(markdown_text("1. x") == "1\\. x");
  CHECK(markdown_text("12) x") == "12\\) x");
  CHECK(markdown_text("1.") == "1\\.");
  CHECK(markdown_text("1.5 km") == "1.5 km");  // no list: no space after the dot
  CHECK(markdown_text("x - y") == "x - y");
  CHECK(markdown_text("A\n# x\r\n") == "A \\# x  ");  // a line break would start a heading
  CHECK(markdown_text("a\tb\x01") == "a\tb ");
}
