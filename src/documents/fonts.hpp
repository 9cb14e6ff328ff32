#pragma once
// The fonts documents are set in, and nothing else: DejaVu Sans (Debian's fonts-dejavu-core) for
// Latin, Greek and Cyrillic, and Scheherazade (fonts-sil-scheherazade) for Arabic script, which
// DejaVu covers only in part (Urdu's ے and ہ are missing, and a word cannot be joined across two
// fonts). They come through a fontconfig configuration of their own, so no other font on a machine
// can stand in: every machine prints the same PDF. Not thread-safe: pdf.cpp uses it under a lock.
#include <pango/pango.h>

#include <string>

namespace pw::documents {

class Fonts {
public:
    // Made on first use; throws if a font file is missing, naming the package to install.
    static Fonts& shared();
    PangoContext* context() const { return context_; }
    // The text into the layout at `size` points, with Arabic-script runs set in Scheherazade.
    void set_text(PangoLayout* layout, const std::string& text, double size, bool bold) const;

private:
    Fonts();
    PangoContext* context_ = nullptr;
};

}  // namespace pw::documents
