// VstKit as a standalone app: its identity, handed to VstKit's own
// standalone format layer (engine/formats/standalone).
#include "vstkit/formats/standalone/standalone_app.h"

int main(int argc, char** argv) {
    // The name is the JACK client name and the remembered-values file name
    // (~/.config/vstkit/VstKit.state): changing it forgets users' settings.
    static constexpr vstkit::formats::standalone::AppIdentity kIdentity{.name = "VstKit"};
    return vstkit::formats::standalone::runStandaloneApp(kIdentity,
                                                         {argv, static_cast<std::size_t>(argc)});
}
