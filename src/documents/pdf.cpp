#include "documents/pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "documents/fonts.hpp"

namespace pw::documents {

namespace {

constexpr double kPageWidth = 595.276;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56.69;  // 2 cm
constexpr double kWidth = kPageWidth - 2 * kMargin;
constexpr double kFootRoom = 28;  // for "Page n of N"
constexpr double kBottom = kPageHeight - kMargin - kFootRoom;
constexpr std::size_t kCellLimit = 400;  // bytes of text in one table cell

struct Unref {
    void operator()(void* p) const {
        if (p) g_object_unref(p);
    }
};
using Layout = std::unique_ptr<PangoLayout, Unref>;

// One piece of a page that is never split: a line of text, a table row, a chart.
struct Slice {
    std::size_t block = 0;  // which structure element it belongs to
    double height = 0;
    double space_before = 0;  // dropped at the top of a page
    std::function<void(cairo_t*, double x, double y)> draw;
};

// A structure element: its tag and, for a link, its address.
struct Element {
    std::string tag;
    std::string uri;
};

// Everything laid out, in order, before any page is drawn (so the pages can be counted).
struct Flow {
    std::vector<Element> elements;
    std::vector<Slice> slices;
    std::vector<std::shared_ptr<void>> keep;  // layouts and SVG handles the slices draw
};

Layout text_layout(Fonts& fonts, const std::string& text, double size, bool bold, double width, bool justify,
                   PangoAlignment align = PANGO_ALIGN_LEFT) {
    Layout layout(pango_layout_new(fonts.context()));
    fonts.set_text(layout.get(), text, size, bold);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_justify(layout.get(), justify);
    pango_layout_set_alignment(layout.get(), align);
    return layout;
}

// A text block: one slice a line, so a paragraph can run on to the next page.
void add_text(Flow& flow, Layout layout, const std::string& tag, double space_before, const std::string& uri = {}) {
    const std::size_t element = flow.elements.size();
    flow.elements.push_back({tag, uri});
    std::shared_ptr<PangoLayout> shared(layout.release(), Unref{});
    flow.keep.push_back(shared);
    PangoLayoutIter* iter = pango_layout_get_iter(shared.get());
    int index = 0;
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, nullptr, &logical);
        const double top = logical.y / double(PANGO_SCALE), height = logical.height / double(PANGO_SCALE);
        const double baseline = pango_layout_iter_get_baseline(iter) / double(PANGO_SCALE) - top;
        const double offset = logical.x / double(PANGO_SCALE);
        flow.slices.push_back({element, height, index == 0 ? space_before : 0,
                               [shared, index, baseline, offset, uri](cairo_t* cr, double x, double y) {
                                   if (!uri.empty()) cairo_tag_begin(cr, CAIRO_TAG_LINK, ("uri='" + uri + "'").c_str());
                                   cairo_move_to(cr, x + offset, y + baseline);
                                   pango_cairo_show_layout_line(cr,
                                                                pango_layout_get_line_readonly(shared.get(), index));
                                   if (!uri.empty()) cairo_tag_end(cr, CAIRO_TAG_LINK);
                               }});
        ++index;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
}

double natural_width(Fonts& fonts, const std::string& text, bool bold) {
    Layout layout(pango_layout_new(fonts.context()));
    fonts.set_text(layout.get(), text, 9, bold);
    int w = 0, h = 0;
    pango_layout_get_size(layout.get(), &w, &h);
    return w / double(PANGO_SCALE);
}

std::string cell_text(const std::string& text) {
    auto out = printable(text, kCellLimit);
    if (out.size() < text.size()) out += "…";
    return out;
}

void add_table(Flow& flow, Fonts& fonts, const Table& table) {
    if (!table.caption.empty())
        add_text(flow, text_layout(fonts, printable(table.caption), 10, true, kWidth, false), "Caption", 10);
    std::size_t columns = table.header.size();
    for (const auto& row : table.rows) columns = std::max(columns, row.size());
    if (columns == 0) return;
    // As HTML lays out a table: each column as wide as its widest cell when they all fit; when they
    // do not, each at least as wide as its longest word (so a number is never broken), and the
    // room left shared out by how much more each column would like.
    std::vector<double> natural(columns, 24), least(columns, 24);
    std::unordered_map<std::string, double> measured;  // words repeat down a column
    const auto word_width = [&](const std::string& word, bool bold) {
        const auto [at, fresh] = measured.try_emplace((bold ? "b" : "r") + word, 0.0);
        if (fresh) at->second = natural_width(fonts, word, bold);
        return at->second;
    };
    const auto widen = [&](const std::vector<std::string>& row, bool bold) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            const auto text = cell_text(row[c]);
            natural[c] = std::max(natural[c], natural_width(fonts, text, bold) + 8);
            for (std::size_t start = 0; start < text.size();) {
                const auto end = std::min(text.find_first_of(" \n\t", start), text.size());
                if (end > start) least[c] = std::max(least[c], word_width(text.substr(start, end - start), bold) + 8);
                start = end + 1;
            }
        }
    };
    widen(table.header, true);
    for (const auto& row : table.rows) widen(row, false);
    for (std::size_t c = 0; c < columns; ++c) least[c] = std::min(least[c], natural[c]);
    double wanted = 0, needed = 0;
    for (std::size_t c = 0; c < columns; ++c) wanted += natural[c], needed += least[c];
    std::vector<double> widths = natural;
    if (wanted > kWidth && needed >= kWidth) {  // even the words do not fit: narrow them together
        for (std::size_t c = 0; c < columns; ++c) widths[c] = least[c] * kWidth / needed;
    } else if (wanted > kWidth) {
        const double room = kWidth - needed, more = wanted - needed;
        for (std::size_t c = 0; c < columns; ++c) widths[c] = least[c] + room * (natural[c] - least[c]) / more;
    }
    const std::size_t element = flow.elements.size();
    flow.elements.push_back({"Table", {}});
    const auto add_row = [&](const std::vector<std::string>& row, bool header, double space_before) {
        auto cells = std::make_shared<std::vector<std::shared_ptr<PangoLayout>>>();
        double height = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            auto layout = text_layout(fonts, c < row.size() ? cell_text(row[c]) : "", 9, header, widths[c] - 8, false);
            int w = 0, h = 0;
            pango_layout_get_size(layout.get(), &w, &h);
            height = std::max(height, h / double(PANGO_SCALE) + 6);
            cells->emplace_back(layout.release(), Unref{});
        }
        flow.keep.push_back(cells);
        flow.slices.push_back(
            {element, height, space_before, [cells, widths, header, height](cairo_t* cr, double x, double y) {
                 cairo_tag_begin(cr, "TR", nullptr);
                 double left = x;
                 for (std::size_t c = 0; c < cells->size(); ++c) {
                     cairo_tag_begin(cr, header ? "TH" : "TD", nullptr);
                     cairo_move_to(cr, left + 4, y + 3);
                     pango_cairo_show_layout(cr, (*cells)[c].get());
                     cairo_tag_end(cr, header ? "TH" : "TD");
                     left += widths[c];
                 }
                 cairo_tag_end(cr, "TR");
                 cairo_set_line_width(cr, header ? 1.0 : 0.4);
                 cairo_move_to(cr, x, y + height);
                 cairo_line_to(cr, left, y + height);
                 cairo_stroke(cr);
             }});
    };
    if (!table.header.empty()) add_row(table.header, true, 6);
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        add_row(table.rows[r], false, table.header.empty() && r == 0 ? 6 : 0);
}

void add_chart(Flow& flow, Fonts& fonts, const Chart& chart) {
    GError* error = nullptr;
    RsvgHandle* handle =
        chart.svg.empty()
            ? nullptr
            : rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(chart.svg.data()), chart.svg.size(), &error);
    if (error) g_error_free(error);
    gdouble w = 0, h = 0;
    if (handle && (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h) || w <= 0 || h <= 0)) {
        RsvgRectangle ink{}, logical{};
        const RsvgRectangle viewport{0, 0, kWidth, kWidth / 2};
        if (rsvg_handle_get_geometry_for_layer(handle, nullptr, &viewport, &ink, &logical, nullptr)) {
            w = logical.width;
            h = logical.height;
        }
    }
    if (!handle || w <= 0 || h <= 0) {
        if (handle) g_object_unref(handle);
        add_text(flow, text_layout(fonts, printable(chart.description), 10, false, kWidth, false), "P", 8);
        return;
    }
    std::shared_ptr<RsvgHandle> svg(handle, Unref{});
    flow.keep.push_back(svg);
    const double scale = std::min({kWidth / w, (kBottom - kMargin - 40) / h, 1.5});
    const double width = w * scale, height = h * scale;
    flow.elements.push_back({"Figure", {}});
    flow.slices.push_back({flow.elements.size() - 1, height, 10, [svg, width, height](cairo_t* cr, double x, double y) {
                               const RsvgRectangle viewport{x, y, width, height};
                               GError* failed = nullptr;
                               rsvg_handle_render_document(svg.get(), cr, &viewport, &failed);
                               if (failed) g_error_free(failed);
                           }});
    if (!chart.description.empty())
        add_text(flow, text_layout(fonts, printable(chart.description), 9, false, kWidth, false), "Caption", 4);
}

// Only web addresses become links; the attribute is quoted, so its quotes and backslashes are escaped.
std::string link_uri(const std::string& url) {
    if (!url.starts_with("https://") && !url.starts_with("http://")) return {};
    std::string out;
    for (const char c : printable(url, 2000)) {
        if (c == '\'' || c == '\\') out += '\\';
        if (c != '\n' && c != '\t') out += c;
    }
    return out;
}

Flow lay_out(Fonts& fonts, const Document& d) {
    Flow flow;
    const auto lines = [](const std::vector<std::string>& items) {
        std::string out;
        for (const auto& line : items) out += (out.empty() ? "" : "\n") + printable(line, 2000);
        return out;
    };
    if (!d.sender.empty())
        add_text(flow, text_layout(fonts, lines(d.sender), 11, false, kWidth, false, PANGO_ALIGN_RIGHT), "P", 0);
    if (!d.date.empty())
        add_text(flow, text_layout(fonts, printable(d.date, 200), 11, false, kWidth, false, PANGO_ALIGN_RIGHT), "P", 8);
    if (!d.recipient.empty()) add_text(flow, text_layout(fonts, lines(d.recipient), 11, false, kWidth, false), "P", 18);
    if (d.title_heading)
        add_text(flow, text_layout(fonts, printable(d.title, 2000), 16, true, kWidth, false), "H1",
                 flow.slices.empty() ? 0 : 22);
    // A screen reader's outline must not skip a level: a smaller heading with no larger one before
    // it (a letter's "In my own words" under its title) is tagged H2, as the next level down.
    bool larger_heading_seen = false;
    for (const auto& block : d.blocks) {
        std::visit(
            [&](const auto& b) {
                using T = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<T, Heading>) {
                    add_text(flow,
                             text_layout(fonts, printable(b.text, 2000), b.level <= 1 ? 14 : 12, true, kWidth, false),
                             b.level <= 1 || !larger_heading_seen ? "H2" : "H3", 16);
                    larger_heading_seen = larger_heading_seen || b.level <= 1;
                } else if constexpr (std::is_same_v<T, Paragraph>) {
                    add_text(flow, text_layout(fonts, printable(b.text), 11, false, kWidth, b.justified), "P", 9);
                } else if constexpr (std::is_same_v<T, Link>) {
                    const auto uri = link_uri(b.url);
                    const auto text = printable(b.text, 2000) +
                                      (uri.empty() && !b.url.empty() ? " (" + printable(b.url, 2000) + ")" : "");
                    add_text(flow, text_layout(fonts, text, 11, false, kWidth, false), "P", 9, uri);
                } else if constexpr (std::is_same_v<T, Table>) {
                    add_table(flow, fonts, b);
                } else {
                    add_chart(flow, fonts, b);
                }
            },
            block);
    }
    return flow;
}

// Slices onto pages: the indexes of each page's first slice.
std::vector<std::size_t> paginate(const Flow& flow) {
    std::vector<std::size_t> starts{0};
    double y = kMargin;
    for (std::size_t i = 0; i < flow.slices.size(); ++i) {
        const auto& s = flow.slices[i];
        const bool top = starts.back() == i;
        if (!top && y + s.space_before + s.height > kBottom) {
            starts.push_back(i);
            y = kMargin + s.height;
        } else {
            y += (top ? 0 : s.space_before) + s.height;
        }
    }
    return starts;
}

cairo_status_t append_to(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void draw(cairo_t* cr, Fonts& fonts, const Flow& flow, const std::vector<std::size_t>& starts) {
    cairo_tag_begin(cr, "Document", nullptr);
    for (std::size_t page = 0; page < starts.size(); ++page) {
        const std::size_t end = page + 1 < starts.size() ? starts[page + 1] : flow.slices.size();
        double y = kMargin;
        std::size_t open = SIZE_MAX;
        cairo_set_source_rgb(cr, 0.043, 0.047, 0.047);  // GOV.UK text colour
        for (std::size_t i = starts[page]; i < end; ++i) {
            const auto& s = flow.slices[i];
            if (s.block != open) {
                if (open != SIZE_MAX) cairo_tag_end(cr, flow.elements[open].tag.c_str());
                open = s.block;
                cairo_tag_begin(cr, flow.elements[open].tag.c_str(), nullptr);
            }
            if (i != starts[page]) y += s.space_before;
            s.draw(cr, kMargin, y);
            y += s.height;
        }
        if (open != SIZE_MAX) cairo_tag_end(cr, flow.elements[open].tag.c_str());
        auto foot = text_layout(fonts, "Page " + std::to_string(page + 1) + " of " + std::to_string(starts.size()), 9,
                                false, kWidth, false, PANGO_ALIGN_CENTER);
        cairo_move_to(cr, kMargin, kPageHeight - kMargin - 12);
        pango_cairo_show_layout(cr, foot.get());
        cairo_show_page(cr);
    }
    cairo_tag_end(cr, "Document");
}

// Cairo stamps every PDF with the second it was made (/CreationDate) and its own version
// (/Producer): a participant's letter would carry the exact time they asked for it. Each entry
// of the document information dictionary is overwritten with spaces, which a PDF reads as
// nothing; the file keeps its length, so its cross-reference table stays right.
void blank_info_entries(std::string& pdf) {
    for (const std::string_view key : {"/CreationDate", "/ModDate", "/Producer"}) {
        // Cairo writes the information dictionary after every page's objects: the last match is its.
        const auto at = pdf.rfind(std::string(key) + " (");
        if (at == std::string::npos) continue;
        // The entry's value is a literal string: to its closing parenthesis, counting nested
        // ones and skipping escaped characters. One that never closes is left as it is.
        std::size_t end = at + key.size() + 2;
        int depth = 1;
        for (; end < pdf.size() && depth > 0; ++end) {
            if (pdf[end] == '\\')
                ++end;
            else if (pdf[end] == '(')
                ++depth;
            else if (pdf[end] == ')')
                --depth;
        }
        if (depth != 0 || end > pdf.size()) continue;
        std::fill(pdf.begin() + static_cast<std::ptrdiff_t>(at), pdf.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    }
}

// Pango's font maps and contexts are not safe to share between threads: one layout at a time.
std::mutex one_at_a_time;

}  // namespace

std::size_t characters_without_a_font(std::string_view text) {
    const std::scoped_lock lock(one_at_a_time);
    const auto& fonts = Fonts::shared();
    Layout layout(pango_layout_new(fonts.context()));
    fonts.set_text(layout.get(), printable(text, text.size()), 11, false);
    return static_cast<std::size_t>(std::max(0, pango_layout_get_unknown_glyphs_count(layout.get())));
}

std::string render_pdf(const Document& document) {
    const std::scoped_lock lock(one_at_a_time);
    auto& fonts = Fonts::shared();
    const auto flow = lay_out(fonts, document);
    const auto starts = paginate(flow);
    std::string out;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_to, &out, kPageWidth, kPageHeight);
    const auto title = printable(document.title, 500);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "ProviderWatch");
    cairo_t* cr = cairo_create(surface);
    draw(cr, fonts, flow, starts);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const auto status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("a PDF could not be made: ") + cairo_status_to_string(status));
    blank_info_entries(out);
    return out;
}

}  // namespace pw::documents
