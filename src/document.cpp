#include "hpa/io/document.hpp"

#include <algorithm>
#include <cstdint>

#include "hpa/io/markdown.hpp"

namespace hpa::io {

void document::heading(int level, std::string text) {
  doc_block b;
  b.what = doc_block::kind::heading;
  b.level = level;
  b.text = std::move(text);
  blocks.push_back(std::move(b));
}

void document::paragraph(std::string text) {
  doc_block b;
  b.text = std::move(text);
  blocks.push_back(std::move(b));
}

void document::table(std::vector<std::string> header, std::vector<std::vector<doc_text>> rows) {
  doc_block b;
  b.what = doc_block::kind::table;
  b.header = std::move(header);
  b.rows = std::move(rows);
  blocks.push_back(std::move(b));
}

void document::list(std::vector<doc_text> items) {
  doc_block b;
  b.what = doc_block::kind::list;
  for (auto& i : items) b.rows.push_back({std::move(i)});
  blocks.push_back(std::move(b));
}

void document::picture(std::string svg, std::string caption) {
  doc_block b;
  b.what = doc_block::kind::picture;
  b.svg = std::move(svg);
  b.text = std::move(caption);
  blocks.push_back(std::move(b));
}

std::string html_text(std::string_view text) {
  std::string s;
  s.reserve(text.size());
  for (const char c : text)
    if (const char* reference = markup_reference(c))
      s += reference;
    else
      s += c;
  return s;
}

std::string base64(std::string_view bytes) {
  static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string s;
  s.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 3; ++k) v = v << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    for (std::size_t k = 0; k < 4; ++k) s += k <= n ? digits[(v >> (18 - 6 * k)) & 63u] : '=';
  }
  return s;
}

namespace {

std::string md_cell(const doc_text& t) {
  const auto s = markdown_text(t.text);
  return t.strong && !s.empty() ? "**" + s + "**" : s;
}

std::string html_cell(const doc_text& t) {
  const auto s = html_text(t.text);
  return t.strong ? "<strong>" + s + "</strong>" : s;
}

// The SVG as an element of the page: what follows its XML declaration.
std::string_view svg_element(std::string_view svg) {
  if (svg.starts_with("<?xml")) {
    const auto end = svg.find("?>");
    svg.remove_prefix(end == std::string_view::npos ? svg.size() : end + 2);
    while (!svg.empty() && (svg.front() == '\n' || svg.front() == '\r')) svg.remove_prefix(1);
  }
  return svg;
}

// Screen and paper alike; on paper an A4 page across (the tables are wide), a value never cut
// across lines (a finding may wrap), tables and pictures not cut across pages, and the
// colours of the pictures printed (browsers drop backgrounds otherwise).
constexpr std::string_view style =
    "body{font-family:'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',"
    "'WenQuanYi Micro Hei',sans-serif;color:#222;max-width:1200px;margin:2em auto;padding:0 1em;line-height:1.5}\n"
    "h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ccc}\n"
    "table{border-collapse:collapse;margin:.8em 0;font-size:.9em}\n"
    "th,td{border:1px solid #aaa;padding:.2em .5em;text-align:left;vertical-align:top}td{white-space:nowrap}\n"
    "td strong{white-space:normal}\n"
    "th{background:#f0f0f0}figure{margin:1em 0}figcaption{font-size:.9em;color:#555}\n"
    "svg{max-width:100%;height:auto}\n"
    "@media print{@page{size:A4 landscape;margin:12mm}body{max-width:none;margin:0;padding:0;font-size:10pt}"
    "table,figure{break-inside:avoid}h2{break-after:avoid}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

}  // namespace

std::string to_markdown(const document& d) {
  std::string s;
  for (const auto& b : d.blocks) {
    if (!s.empty()) s += '\n';
    switch (b.what) {
      case doc_block::kind::heading:
        s += std::string(static_cast<std::size_t>(b.level), '#') + ' ' + markdown_text(b.text) + '\n';
        break;
      case doc_block::kind::paragraph:
        s += markdown_text(b.text) + '\n';
        break;
      case doc_block::kind::table: {
        s += '|';
        for (const auto& h : b.header) s += ' ' + markdown_text(h) + " |";
        s += "\n|";
        for (std::size_t i = 0; i < b.header.size(); ++i) s += "---|";
        s += '\n';
        for (const auto& r : b.rows) {
          s += '|';
          for (const auto& c : r) s += ' ' + md_cell(c) + " |";
          s += '\n';
        }
        break;
      }
      case doc_block::kind::list:
        for (const auto& r : b.rows) s += "- " + md_cell(r.front()) + '\n';
        break;
      case doc_block::kind::picture:
        s += "![" + markdown_text(b.text) + "](data:image/svg+xml;base64," + base64(b.svg) + ")\n";
        break;
    }
  }
  return s;
}

std::string to_html(const document& d) {
  std::string title;
  for (const auto& b : d.blocks)
    if (b.what == doc_block::kind::heading) {
      title = b.text;
      break;
    }
  std::string s = "<!DOCTYPE html>\n<html lang=\"" + html_text(d.lang) +
                  "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_text(title) + "</title>\n<style>\n" +
                  std::string(style) + "</style>\n</head>\n<body>\n";
  for (const auto& b : d.blocks) {
    switch (b.what) {
      case doc_block::kind::heading: {
        const char digit = static_cast<char>('0' + b.level);
        s.append("<h")
            .append(1, digit)
            .append(">")
            .append(html_text(b.text))
            .append("</h")
            .append(1, digit)
            .append(">\n");
        break;
      }
      case doc_block::kind::paragraph:
        s += "<p>" + html_text(b.text) + "</p>\n";
        break;
      case doc_block::kind::table:
        s += "<table>\n<thead><tr>";
        for (const auto& h : b.header) s += "<th>" + html_text(h) + "</th>";
        s += "</tr></thead>\n<tbody>\n";
        for (const auto& r : b.rows) {
          s += "<tr>";
          for (const auto& c : r) s += "<td>" + html_cell(c) + "</td>";
          s += "</tr>\n";
        }
        s += "</tbody>\n</table>\n";
        break;
      case doc_block::kind::list:
        s += "<ul>\n";
        for (const auto& r : b.rows) s += "<li>" + html_cell(r.front()) + "</li>\n";
        s += "</ul>\n";
        break;
      case doc_block::kind::picture:
        s += "<figure>\n";
        s += svg_element(b.svg);
        if (!s.ends_with('\n')) s += '\n';
        s += "<figcaption>" + html_text(b.text) + "</figcaption>\n</figure>\n";
        break;
    }
  }
  return s + "</body>\n</html>\n";
}

}  // namespace hpa::io
