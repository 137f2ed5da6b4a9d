#include "result_text.h"

namespace vstkit::host {

using namespace Steinberg;

std::string resultText(tresult result) {
    switch (result) {
        case kResultOk:
            return "kResultOk";
        case kResultFalse:
            return "kResultFalse";
        case kNoInterface:
            return "kNoInterface";
        case kInvalidArgument:
            return "kInvalidArgument";
        case kNotImplemented:
            return "kNotImplemented";
        case kInternalError:
            return "kInternalError";
        case kNotInitialized:
            return "kNotInitialized";
        case kOutOfMemory:
            return "kOutOfMemory";
        default:
            return "tresult " + std::to_string(result);
    }
}

}  // namespace vstkit::host
