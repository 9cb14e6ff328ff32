// Documents on arbitrary input: the bytes are cut at '\x1f' into the fields a person can type
// (title, sender, date, recipient, paragraphs, a link, table cells, a chart's SVG and words), and
// every one must come out as a PDF. Layout is checked by the unit tests; here, only that nothing
// crashes, leaks or hangs, and that the output is a whole PDF.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "documents/pdf.hpp"

// Fontconfig, Pango and Cairo load fonts and caches once, on the first document: do that before
// the first input, so the leak check sees each input's own allocations.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    pw::documents::Document d;
    d.title = "Warm up";
    d.blocks.push_back(pw::documents::Paragraph{"Łukasz Wróbel, محمد عبد الله", true});
    (void)pw::documents::render_pdf(d);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace pw::documents;
    std::vector<std::string> fields;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    for (std::size_t start = 0; start <= input.size() && fields.size() < 12;) {
        const auto end = std::min(input.find('\x1f', start), input.size());
        fields.emplace_back(input.substr(start, end - start));
        start = end + 1;
    }
    fields.resize(12);
    Document d;
    d.title = fields[0];
    d.sender = {fields[1], fields[2]};
    d.date = fields[3];
    d.recipient = {fields[4]};
    d.blocks.push_back(Heading{2, fields[5]});
    d.blocks.push_back(Paragraph{fields[6], true});
    d.blocks.push_back(Link{fields[7], fields[8]});
    d.blocks.push_back(Table{fields[5], {fields[6], fields[7]}, {{fields[8], fields[9]}, {fields[9]}}});
    d.blocks.push_back(Chart{fields[10], fields[11]});
    const auto pdf = render_pdf(d);
    if (!pdf.starts_with("%PDF-") || !pdf.ends_with("%%EOF\n")) std::abort();
    return 0;
}
