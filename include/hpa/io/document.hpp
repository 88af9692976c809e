#pragma once
// A document written twice from one content: as Markdown and as one self-contained HTML page (no
// script, no external file: pictures inline as SVG, print styles so a browser prints it to PDF).
// Every text is held as typed and escaped by the writer (markdown_text, or HTML's &, <, >, "),
// so what the input names never becomes markup in either.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hpa::io {

/// A table cell or a list item: its text, set in bold when `strong` (a finding that needs action).
struct doc_text {
  std::string text;
  bool strong = false;
  // implicit: a cell is mostly plain text
  doc_text(std::string t = {}, bool s = false) : text(std::move(t)), strong(s) {}
  doc_text(const char* t) : text(t) {}
};

struct doc_block {
  enum class kind { heading, paragraph, table, list, picture };
  kind what = kind::paragraph;
  int level = 1;                            ///< heading: 1 (the title) to 3
  std::string text;                         ///< heading, paragraph; picture: its caption
  std::vector<std::string> header;          ///< table
  std::vector<std::vector<doc_text>> rows;  ///< table rows; list: one item per row
  std::string svg;                          ///< picture: a whole SVG document (hpa::plot's)
};

/// The content, in order.
struct document {
  std::string lang = "en";  ///< the HTML lang attribute: "en" or "zh-CN"
  std::vector<doc_block> blocks;

  void heading(int level, std::string text);
  void paragraph(std::string text);
  void table(std::vector<std::string> header, std::vector<std::vector<doc_text>> rows);
  void list(std::vector<doc_text> items);
  void picture(std::string svg, std::string caption);
};

/// The character reference of &, <, > and " (what makes text inert as HTML or XML element text
/// and in a double-quoted attribute); null for any other character.
inline const char* markup_reference(char c) noexcept {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    default:
      return nullptr;
  }
}

/// `text` with &, <, > and " as character references (markup_reference).
std::string html_text(std::string_view text);

/// `bytes` in base64 (RFC 4648, padded).
std::string base64(std::string_view bytes);

/// The document as Markdown (GitHub's tables); a picture is an image whose address is the SVG
/// itself (`data:image/svg+xml;base64,…`), so the file stands alone as the HTML does.
std::string to_markdown(const document& d);

/// The document as one HTML page: the first heading is its title, a picture is its SVG inline
/// (without the XML declaration) in a <figure> with its caption.
std::string to_html(const document& d);

}  // namespace hpa::io
