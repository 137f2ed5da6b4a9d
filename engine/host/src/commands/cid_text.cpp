#include "cid_text.h"

#include <cstdio>

namespace vstkit::host {

std::string cidText(const Steinberg::TUID cid) {
    // FUID's string form is the byte order moduleinfo.json and hosts use.
    char text[33] = {};
    Steinberg::FUID::fromTUID(cid).toString(text);
    return text;
}

}  // namespace vstkit::host
