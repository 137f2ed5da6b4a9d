#include "alsa_messages.h"

#include <alsa/asoundlib.h>

namespace vstkit::formats::standalone {
namespace {

// alsa-lib's handler type is C-variadic; ignoring the arguments needs no va_list.
void ignoreAlsaMessage(const char* /*file*/, int /*line*/, const char* /*function*/, int /*error*/,
                       const char* /*format*/, ...) {}

}  // namespace

void silenceAlsaMessages() noexcept {
    snd_lib_error_set_handler(&ignoreAlsaMessage);
}

}  // namespace vstkit::formats::standalone
