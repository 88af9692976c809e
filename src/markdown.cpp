#include "hpa/io/markdown.hpp"

namespace hpa::io {

std::string markdown_text(std::string_view text) {
  std::string s;
  s.reserve(text.size());
  // At the start of a line: "- x", "+ x" (a list), "=" (a heading underline), "1. x" (a numbered list).
  std::size_t digits = 0;
  while (digits < text.size() && digits < 10 && text[digits] >= '0' && text[digits] <= '9') ++digits;
  const bool numbered = digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')') &&
                        (digits + 1 == text.size() || text[digits + 1] == ' ' || text[digits + 1] == '\t');
  const std::size_t list_mark = numbered ? digits : std::string_view::npos;
  const auto alnum = [&](std::size_t i) {  // ASCII, whatever the locale
    const auto c = i < text.size() ? static_cast<unsigned char>(text[i] | 0x20) : 0;
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    // between letters or digits _ neither opens nor closes emphasis: file names keep their look
    if (c == '_' && i > 0 && alnum(i - 1) && alnum(i + 1)) {
      s += c;
      continue;
    }
    switch (c) {
      case '&':
        s += "&amp;";
        continue;
      case '<':
        s += "&lt;";
        continue;
      case '>':
        s += "&gt;";
        continue;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '#':
      case '|':
      case '~':
        s += '\\';
        s += c;
        continue;
      default:
        break;
    }
    if ((i == 0 && (c == '-' || c == '+' || c == '=')) || i == list_mark) s += '\\';
    s += static_cast<unsigned char>(c) < 0x20 && c != '\t' ? ' ' : c;
  }
  return s;
}

}  // namespace hpa::io
