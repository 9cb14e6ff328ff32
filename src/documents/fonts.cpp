#include "documents/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <filesystem>
#include <stdexcept>

namespace pw::documents {

namespace {

constexpr const char* kLatin = "DejaVu Sans";
constexpr const char* kArabic = "Scheherazade";

struct FontFile {
    const char* path;
    const char* package;
};
constexpr FontFile kFiles[] = {
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "fonts-dejavu-core"},
    {"/usr/share/fonts/truetype/scheherazade/Scheherazade-Regular.ttf", "fonts-sil-scheherazade"},
    {"/usr/share/fonts/truetype/scheherazade/Scheherazade-Bold.ttf", "fonts-sil-scheherazade"},
};

// Arabic script: Arabic, its Supplement and Extended-A, and the presentation forms.
bool arabic(char32_t c) {
    return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
           (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

// The code point at text[i] (valid UTF-8: the text is made printable first) and its length.
char32_t decode(const std::string& text, std::size_t i, std::size_t& length) {
    const auto c = static_cast<unsigned char>(text[i]);
    length = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    if (i + length > text.size()) {
        length = 1;
        return c;
    }
    char32_t cp = length == 1 ? c : c & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    return cp;
}

}  // namespace

Fonts::Fonts() {
    FcConfig* config = FcConfigCreate();
    for (const auto& file : kFiles) {
        if (!std::filesystem::exists(file.path) ||
            !FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(file.path))) {
            FcConfigDestroy(config);
            throw std::runtime_error(std::string("documents need the font ") + file.path +
                                     ": install the Debian package " + file.package +
                                     " (scripts/install-deps.sh does)");
        }
    }
    PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    FcConfigDestroy(config);  // the font map holds its own reference
    context_ = pango_font_map_create_context(map);
    g_object_unref(map);  // the context holds it
    // Points as units, and no hinting: what is measured is what is drawn, at any zoom.
    pango_cairo_context_set_resolution(context_, 72);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context_, FALSE);
}

Fonts& Fonts::shared() {
    static Fonts fonts;  // lives as long as the process: Pango keeps its caches
    return fonts;
}

void Fonts::set_text(PangoLayout* layout, const std::string& text, double size, bool bold) const {
    PangoFontDescription* description = pango_font_description_new();
    pango_font_description_set_family(description, kLatin);
    pango_font_description_set_absolute_size(description, size * PANGO_SCALE);
    pango_font_description_set_weight(description, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, description);
    pango_font_description_free(description);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    // The document's direction is the page's, left to right: a line that starts in Arabic script
    // is still set right to left within itself, but aligned as the lines around it are.
    pango_layout_set_auto_dir(layout, FALSE);
    // Each run of Arabic script (with the spaces inside it) in Scheherazade.
    PangoAttrList* attributes = pango_attr_list_new();
    // A word broken at the end of a line gets no hyphen: in a table of figures one reads as a minus.
    pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(FALSE));
    std::size_t i = 0, run = std::string::npos, last = 0;
    const auto close = [&](std::size_t end) {
        PangoAttribute* family = pango_attr_family_new(kArabic);
        family->start_index = static_cast<guint>(run);
        family->end_index = static_cast<guint>(end);
        pango_attr_list_insert(attributes, family);
        run = std::string::npos;
    };
    while (i < text.size()) {
        std::size_t length = 1;
        const char32_t c = decode(text, i, length);
        if (arabic(c)) {
            if (run == std::string::npos) run = i;
            last = i + length;
        } else if (run != std::string::npos && c != ' ' && !(c >= 0x0660 && c <= 0x0669)) {
            close(last);
        }
        i += length;
    }
    if (run != std::string::npos) close(last);
    pango_layout_set_attributes(layout, attributes);
    pango_attr_list_unref(attributes);
}

}  // namespace pw::documents
