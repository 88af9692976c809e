#pragma once
// A small SVG writer for hpa's pictures: one self-contained document (no script, no external
// file or font), text escaped, numbers in a fixed form so the same picture is the same bytes on
// every machine. Elements are appended to a string the caller flushes where it likes, so a long
// picture can be written out piece by piece.

#include <cstdint>
#include <string>
#include <string_view>

namespace hpa::plot::svg {

/// The fonts text is set in: CJK faces first (Noto/Source Han on Linux, PingFang on macOS,
/// YaHei on Windows, WenQuanYi on older Linux), then the generic family. Nothing is embedded.
inline constexpr std::string_view font_family =
    "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',"
    "'Heiti SC',sans-serif";

/// `v` (finite) in hundredths, rounded half away from zero: the resolution coordinates are written at.
std::int64_t hundredths(double v);

/// A coordinate or length in px: at most two decimals, no trailing zeros, never "-0" ("12.5",
/// "3", "0.07"). Integer arithmetic after one rounding, so the text does not depend on the
/// platform's printf.
std::string num(double v);

/// The length from `a` to `b` as written: the difference of the rounded ends, so a rect written
/// with x = num(a) and width = span(a, b) ends exactly at num(b).
std::string span(double a, double b);

/// Text with &, <, > and " escaped, for element text and double-quoted attribute values alike;
/// control characters XML does not allow become spaces, and the other characters XML 1.0 forbids
/// (U+FFFE, U+FFFF) and bytes that are not UTF-8 become U+FFFD, so the picture is always XML.
std::string escape(std::string_view text);

/// The width of `text` set at `font_px`, estimated: CJK and full-width characters 1 em, others
/// 0.6 em (wider than most sans-serif digits and letters), so labels placed by it do not touch.
double text_width(std::string_view text, double font_px);

/// `text` cut to at most `max_px` wide at `font_px` (by text_width), ending in "…" when cut.
std::string fit(std::string_view text, double font_px, double max_px);

/// Appends elements to `out`. Every attribute value passes through escape() or num().
class writer {
 public:
  explicit writer(std::string& out) : out_(&out) {}

  /// The root element, sized `width` × `height` px, with its <title> and <desc> (read by screen
  /// readers and shown by viewers as the picture's name) and a white background.
  void begin(double width, double height, std::string_view title, std::string_view desc);
  /// Closes the root element.
  void end();

  /// Starts an element: `tag("rect").at("x", 1).at("fill", "#fff").close()`.
  class element {
   public:
    element(std::string& out, std::string_view name);
    element& at(std::string_view name, double v);
    element& at(std::string_view name, std::string_view v);
    element& at(std::string_view name, const char* v) { return at(name, std::string_view(v)); }
    element& at(std::string_view name, const std::string& v) { return at(name, std::string_view(v)); }
    /// A rect's width, or any length, as span(a, b).
    element& length(std::string_view name, double a, double b);
    /// Ends the element with no content: `/>`.
    void close();
    /// Ends the element with `text` (escaped) as its content.
    void text(std::string_view text);
    /// Ends the start tag only; the caller closes it with writer::close(name).
    void open();

   private:
    std::string* out_;
    std::string_view name_;
  };
  element tag(std::string_view name) { return element(*out_, name); }

  /// `</name>`.
  void close(std::string_view name);
  /// A <title> child: the tooltip of the element it is in, and its name for screen readers.
  void title(std::string_view text);
  /// Raw markup the caller built (already escaped).
  void raw(std::string_view markup) { out_->append(markup); }

  std::string& out() { return *out_; }

 private:
  std::string* out_;
};

}  // namespace hpa::plot::svg
