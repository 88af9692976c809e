#pragma once
// Input text (station names, document numbers, file, profile and level names, the --area and
// --authority of a notice) in the Markdown hpa-report and hpa-notice write: shown as typed,
// never read as markup or HTML by whoever renders the file.

#include <string>
#include <string_view>

namespace hpa::io {

/// `text` as literal Markdown inline text, inert in a paragraph, a heading, a list item or a
/// table cell, at the start of a line too: what CommonMark and GitHub read as markup is escaped
/// (\ ` * _ [ ] # | ~ with a backslash, but not _ between letters or digits, where it is no
/// emphasis: "two_stations.csv"; < > & as &lt; &gt; &amp;, so no HTML tag, autolink or
/// entity forms; a leading - + = or "1." / "1)" that would start a list or a heading), and a line
/// break or another control character becomes a space (a new line could start a heading).
std::string markdown_text(std::string_view text);

}  // namespace hpa::io
