#include "markup.hpp"

namespace jmdcm::render {

std::string escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char ch : s) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n') break;
            out += ch;
        }
    }
    return out;
}

std::string date_text(Date d, std::string_view lang) {
    if (d.is_special()) return "";
    const std::string iso = to_iso(d);
    if (lang != "de") return iso;
    return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

std::string html_head(std::string_view lang, std::string_view title) {
    std::string h = "<!DOCTYPE html>\n<html lang=\"" + escape(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                    escape(title) + "</title>\n";
    // Print first: A4 with margins, black on white, no goal split across pages.
    h += R"css(<style>
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #000; background: #fff; max-width: 48em; margin: 0 auto; }
h1 { font-size: 18pt; margin: 0 0 .2em; } h2 { font-size: 13.5pt; margin: 1.2em 0 .3em; border-bottom: 1px solid #000; }
.subtitle { margin: 0 0 1em; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .4em 0; } th, td { border: 1px solid #555; padding: .25em .4em; text-align: left; vertical-align: top; }
th { background: #eee; } dl { display: grid; grid-template-columns: minmax(8em, max-content) 1fr; gap: .2em 1em; margin: .3em 0; } dt { font-weight: bold; } dd { margin: 0; }
.goal { page-break-inside: avoid; break-inside: avoid; margin-bottom: 1em; }
.signatures { display: flex; gap: 3em; margin-top: 3em; page-break-inside: avoid; } .signature { flex: 1; border-top: 1px solid #000; padding-top: .3em; }
.plain { font-size: 13pt; line-height: 1.7; }
@media print { body { max-width: none; } }
</style>
</head>
)css";
    return h;
}

}  // namespace jmdcm::render
