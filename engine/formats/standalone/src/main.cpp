// The standalone app's main(): the plugin this binary is built for, as an
// app. Its name titles the window, names the JACK client and the remembered
// values file (~/.config/vstkit/<name>.state): renaming a released plugin
// forgets its users' settings.
#include <cstddef>

#include "vstkit/core/plugin_definition.h"
#include "vstkit/formats/standalone/standalone_app.h"

int main(int argc, char** argv) {
    const vstkit::formats::standalone::AppIdentity identity{
        .name = vstkit::core::pluginDefinition().identity.name};
    return vstkit::formats::standalone::runStandaloneApp(identity,
                                                         {argv, static_cast<std::size_t>(argc)});
}
