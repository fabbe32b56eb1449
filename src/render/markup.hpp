// Escaping and the shared frame of the HTML documents.
#pragma once

#include "jmdcm/date.hpp"

#include <string>
#include <string_view>

namespace jmdcm::render {

/// Text for HTML and SVG content and attributes: & < > " ' are escaped, and control
/// characters other than tab and newline dropped (they are not allowed in XML).
std::string escape(std::string_view s);

/// 05.10.2016 for lang "de", 2016-10-05 otherwise.
std::string date_text(Date d, std::string_view lang);

/// The start of a self-contained, print-friendly A4 document, up to the opened <body>.
std::string html_head(std::string_view lang, std::string_view title);
inline constexpr std::string_view html_tail = "</body>\n</html>\n";

}  // namespace jmdcm::render
