// PDF through Debian's chromium, headless: the HTML goes to a private temporary file
// (it holds personal data: mode 0600, removed afterwards), chromium prints it.
#pragma once

#include <optional>
#include <string>

namespace jmdcm::cli {

/// $JMDCM_CHROMIUM, else chromium (or chromium-browser) on PATH; nullopt if none.
std::optional<std::string> find_chromium();

/// Prints `html` to `pdf`; throws std::runtime_error saying what went wrong.
void html_to_pdf(const std::string& html, const std::string& pdf);

}  // namespace jmdcm::cli
