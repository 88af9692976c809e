#include "hpa/io/document.hpp"

#include <catch2/catch.hpp>

using namespace hpa::io;

namespace {
const std::string svg =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n";

document sample(std::string name) {
  document d;
  d.heading(1, "Season <" + name + ">");
  d.paragraph("Source: " + name + ".");
  d.table({"station", "days"}, {{name, "3"}, {"B", {"2", true}}});
  d.list({"all match", {"late: " + name, true}});
  d.picture(svg, "timeline of " + name);
  return d;
}
}  // namespace

TEST_CASE("document: base64 as RFC 4648 writes it, padded", "[document]") {
  CHECK(base64("") == "");
  CHECK(base64("f") == "Zg==");
  CHECK(base64("fo") == "Zm8=");
  CHECK(base64("foo") == "Zm9v");
  CHECK(base64("foobar") == "Zm9vYmFy");
  CHECK(base64("\xff\xfe") == "//4=");
}

TEST_CASE("document: html_text makes markup inert", "[document]") {
  CHECK(html_text("a<script>&\"x\"") == "a&lt;script&gt;&amp;&quot;x&quot;");
  CHECK(html_text("平顶山 市监测站") == "平顶山 市监测站");
}

TEST_CASE("document: the same content as Markdown and as one HTML page, input escaped in both", "[document]") {
  const auto d = sample("<b>x|y</b>");
  CHECK(to_markdown(d) ==
        "# Season &lt;&lt;b&gt;x\\|y&lt;/b&gt;&gt;\n"
        "\n"
        "Source: &lt;b&gt;x\\|y&lt;/b&gt;.\n"
        "\n"
        "| station | days |\n"
        "|---|---|\n"
        "| &lt;b&gt;x\\|y&lt;/b&gt; | 3 |\n"
        "| B | **2** |\n"
        "\n"
        "- all match\n"
        "- **late: &lt;b&gt;x\\|y&lt;/b&gt;**\n"
        "\n"
        "![timeline of &lt;b&gt;x\\|y&lt;/b&gt;](data:image/svg+xml;base64," +
            base64(svg) + ")\n");
  const auto html = to_html(d);
  CHECK(
      html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<title>Season &lt;&lt;b&gt;x|y&lt;/b&gt;&gt;</title>\n<style>\n"));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("@media print{@page{size:A4 landscape") != std::string::npos);
  const auto body = html.substr(html.find("<body>"));
  CHECK(body ==
        "<body>\n"
        "<h1>Season &lt;&lt;b&gt;x|y&lt;/b&gt;&gt;</h1>\n"
        "<p>Source: &lt;b&gt;x|y&lt;/b&gt;.</p>\n"
        "<table>\n<thead><tr><th>station</th><th>days</th></tr></thead>\n<tbody>\n"
        "<tr><td>&lt;b&gt;x|y&lt;/b&gt;</td><td>3</td></tr>\n"
        "<tr><td>B</td><td><strong>2</strong></td></tr>\n"
        "</tbody>\n</table>\n"
        "<ul>\n<li>all match</li>\n<li><strong>late: &lt;b&gt;x|y&lt;/b&gt;</strong></li>\n</ul>\n"
        "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n"
        "<figcaption>timeline of &lt;b&gt;x|y&lt;/b&gt;</figcaption>\n</figure>\n"
        "</body>\n</html>\n");
}
