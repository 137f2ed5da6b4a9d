#include "ttl_writer.h"

#include <array>
#include <charconv>
#include <string>

#include "vstkit/core/plugin_definition.h"
#include "vstkit/formats/lv2/port_layout.h"

namespace vstkit::formats::lv2 {
namespace {

constexpr std::string_view kPrefixes =
    "@prefix doap:  <http://usefulinc.com/ns/doap#> .\n"
    "@prefix foaf:  <http://xmlns.com/foaf/0.1/> .\n"
    "@prefix lv2:   <http://lv2plug.in/ns/lv2core#> .\n"
    "@prefix opts:  <http://lv2plug.in/ns/ext/options#> .\n"
    "@prefix pprops: <http://lv2plug.in/ns/ext/port-props#> .\n"
    "@prefix rdf:   <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
    "@prefix rdfs:  <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix state: <http://lv2plug.in/ns/ext/state#> .\n"
    "@prefix ui:    <http://lv2plug.in/ns/extensions/ui#> .\n"
    "@prefix units: <http://lv2plug.in/ns/extensions/units#> .\n"
    "@prefix urid:  <http://lv2plug.in/ns/ext/urid#> .\n\n";

// A Turtle string literal.
std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "\"";
}

// A Turtle decimal: the shortest text that reads back as the same float.
std::string decimal(float value) {
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    std::string text{buffer.data(), result.ptr};
    if (text.find_first_of(".e") == std::string::npos) {
        text += ".0";
    }
    return text;
}

std::string uiUri() {
    return std::string{core::pluginDefinition().identity.lv2Uri} + ":UI";
}

// The LV2 units vocabulary for the units we know; anything else gets a unit
// of its own with the text as its symbol, rendered without decimals for whole
// numbers.
std::string unitOf(std::string_view unit, bool whole) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kKnown{{
        {"dB", "units:db"},
        {"Hz", "units:hz"},
        {"kHz", "units:khz"},
        {"ms", "units:ms"},
        {"s", "units:s"},
        {"%", "units:pc"},
        {"semitones", "units:semitone12TET"},
    }};
    for (const auto& [text, term] : kKnown) {
        if (unit == text) {
            return std::string{term};
        }
    }
    return "[ a units:Unit ; rdfs:label " + quoted(unit) + " ; units:symbol " + quoted(unit) +
           " ; units:render " + quoted((whole ? "%.0f " : "%f ") + std::string{unit}) + " ]";
}

void writeAudioPort(std::ostream& out, std::uint32_t index, bool input, std::string_view symbol,
                    std::string_view name) {
    out << "[\n\t\ta lv2:" << (input ? "InputPort" : "OutputPort") << " , lv2:AudioPort ;\n"
        << "\t\tlv2:index " << index << " ;\n"
        << "\t\tlv2:symbol " << quoted(symbol) << " ;\n"
        << "\t\tlv2:name " << quoted(name) << " ;\n\t]";
}

// A whole number as Turtle writes an integer: "3", "-12".
std::string integer(float value) {
    return std::to_string(static_cast<long long>(value));
}

// What a host needs to know beyond the range: whole numbers, the labels of a
// choice, a toggle, a logarithmic scale. A skewed row has no LV2 term; hosts
// show it linear.
void writePortProperties(std::ostream& out, const protocol::ParamSpec& spec) {
    switch (spec.kind) {
        case protocol::ParamKind::Toggle:
            out << " ;\n\t\tlv2:portProperty lv2:toggled";
            break;
        case protocol::ParamKind::Stepped:
            out << " ;\n\t\tlv2:portProperty lv2:integer";
            break;
        case protocol::ParamKind::Choice:
            out << " ;\n\t\tlv2:portProperty lv2:integer , lv2:enumeration ;\n\t\tlv2:scalePoint ";
            for (std::size_t index = 0; index < spec.choices.size(); ++index) {
                out << (index == 0 ? "" : " , ") << "[\n\t\t\trdfs:label "
                    << quoted(spec.choices[index]) << " ;\n\t\t\trdf:value " << index
                    << " ;\n\t\t]";
            }
            break;
        case protocol::ParamKind::Continuous:
            if (spec.mapping == protocol::ParamMapping::Logarithmic) {
                out << " ;\n\t\tlv2:portProperty pprops:logarithmic";
            }
            break;
    }
}

void writeControlPort(std::ostream& out, const protocol::ParamSpec& spec, std::uint32_t index) {
    out << "[\n\t\ta lv2:InputPort , lv2:ControlPort ;\n"
        << "\t\tlv2:index " << index << " ;\n"
        << "\t\t# The symbol is the saved name of this control: never change it.\n"
        << "\t\tlv2:symbol " << quoted(portSymbol(spec)) << " ;\n";
    if (isEnabledPort(spec)) {
        out << "\t\tlv2:name " << quoted(kEnabledName) << " ;\n"
            << "\t\tlv2:designation lv2:enabled ;\n"
            << "\t\tlv2:portProperty lv2:toggled ;\n"
            << "\t\tlv2:default " << decimal(toPortValue(spec, spec.defaultValue)) << " ;\n"
            << "\t\tlv2:minimum 0.0 ;\n\t\tlv2:maximum 1.0 ;\n\t]";
        return;
    }
    out << "\t\tlv2:name " << quoted(spec.name) << " ;\n";
    if (protocol::isDiscrete(spec)) {
        out << "\t\tlv2:default " << integer(spec.defaultValue) << " ;\n"
            << "\t\tlv2:minimum " << integer(spec.minValue) << " ;\n"
            << "\t\tlv2:maximum " << integer(spec.maxValue);
    } else {
        out << "\t\tlv2:default " << decimal(spec.defaultValue) << " ;\n"
            << "\t\tlv2:minimum " << decimal(spec.minValue) << " ;\n"
            << "\t\tlv2:maximum " << decimal(spec.maxValue);
    }
    writePortProperties(out, spec);
    if (!spec.unit.empty() && spec.kind != protocol::ParamKind::Choice) {
        out << " ;\n\t\tunits:unit " << unitOf(spec.unit, protocol::isDiscrete(spec));
    }
    out << " ;\n\t]";
}

}  // namespace

void writeManifest(std::ostream& out, const BundleFiles& files) {
    const auto& identity = core::pluginDefinition().identity;
    out << "# Written at build time from the plugin's identity; do not edit.\n" << kPrefixes;
    out << "<" << identity.lv2Uri << ">\n"
        << "\ta lv2:Plugin ;\n"
        << "\tlv2:binary <" << files.pluginBinary << "> ;\n"
        << "\trdfs:seeAlso <" << files.pluginTtl << "> .\n\n";
    out << "<" << uiUri() << ">\n"
        << "\ta ui:X11UI ;\n"
        << "\tlv2:binary <" << files.uiBinary << "> ;\n"
        << "\trdfs:seeAlso <" << files.pluginTtl << "> .\n";
}

void writePluginDescription(std::ostream& out, const BundleFiles& files) {
    writePluginDescription(out, files, core::pluginDefinition().parameters,
                           core::pluginDefinition().audio);
}

void writePluginDescription(std::ostream& out, const BundleFiles& files,
                            std::span<const protocol::ParamSpec> table,
                            const core::AudioFacts& audio) {
    const auto layout = audio.layouts.front();
    const auto& identity = core::pluginDefinition().identity;
    out << "# Written at build time from the plugin's identity and parameter table;\n"
        << "# do not edit. The URI and every port symbol are saved in sessions and\n"
        << "# presets: once released, they never change.\n"
        << kPrefixes;
    out << "<" << identity.lv2Uri << ">\n"
        << "\ta lv2:Plugin , lv2:" << identity.lv2Class << " , doap:Project ;\n"
        << "\tdoap:name " << quoted(identity.name) << " ;\n"
        << "\trdfs:comment " << quoted(identity.description) << " ;\n"
        << "\tdoap:maintainer [\n\t\tfoaf:name " << quoted(identity.vendor) << " ;\n"
        << "\t\tfoaf:homepage <" << identity.url << "> ;\n\t] ;\n"
        << "\tlv2:minorVersion " << identity.lv2MinorVersion << " ;\n"
        << "\tlv2:microVersion " << identity.lv2MicroVersion << " ;\n"
        << "\tlv2:optionalFeature lv2:hardRTCapable , urid:map , opts:options ;\n"
        << "\tlv2:extensionData state:interface ;\n"
        << "\tui:ui <" << uiUri() << "> ;\n"
        << "\tlv2:port ";
    for (std::uint32_t channel = 0; channel < layout.inputs; ++channel) {
        const auto port = audioPortName(true, layout.inputs, channel);
        writeAudioPort(out, kFirstAudioInput + channel, true, port.symbol, port.name);
        out << " , ";
    }
    for (std::uint32_t channel = 0; channel < layout.outputs; ++channel) {
        const auto port = audioPortName(false, layout.outputs, channel);
        writeAudioPort(out, firstAudioOutput(layout) + channel, false, port.symbol, port.name);
        out << " , ";
    }
    const bool meters = core::pluginDefinition().webUi != nullptr;
    for (std::size_t row = 0; row < table.size(); ++row) {
        writeControlPort(out, table[row], controlPortIndex(layout, row));
        out << (row + 1 < table.size() || audio.latencySamples > 0 || meters ? " , " : " .\n\n");
    }
    if (audio.latencySamples > 0) {
        out << "[\n\t\ta lv2:OutputPort , lv2:ControlPort ;\n"
            << "\t\tlv2:index " << latencyPortIndex(layout, table.size()) << " ;\n"
            << "\t\tlv2:symbol " << quoted(kLatencySymbol) << " ;\n"
            << "\t\tlv2:name \"Latency\" ;\n"
            << "\t\tlv2:designation lv2:latency ;\n"
            << "\t\tlv2:portProperty lv2:reportsLatency , lv2:integer ;\n"
            << "\t\tlv2:minimum 0 ;\n\t\tlv2:maximum " << audio.latencySamples << " ;\n"
            << "\t\tunits:unit units:frame ;\n\t]" << (meters ? " , " : " .\n\n");
    }
    if (meters) {
        const auto first = firstMeterPort(layout, table.size(), audio.latencySamples > 0);
        for (std::uint32_t port = 0; port < meterPortCount(layout); ++port) {
            const auto name = meterPortName(layout.outputs, port / 2, port % 2 == 1);
            out << "[\n\t\ta lv2:OutputPort , lv2:ControlPort ;\n"
                << "\t\tlv2:index " << first + port << " ;\n"
                << "\t\tlv2:symbol " << quoted(name.symbol) << " ;\n"
                << "\t\tlv2:name " << quoted(name.name) << " ;\n"
                << "\t\tlv2:default " << kMeterFloorDb << " ;\n"
                << "\t\tlv2:minimum " << kMeterFloorDb << " ;\n\t\tlv2:maximum " << kMeterCeilingDb
                << " ;\n\t\tunits:unit units:db ;\n\t]"
                << (port + 1 < meterPortCount(layout) ? " , " : " .\n\n");
        }
    }

    out << "<" << uiUri() << ">\n"
        << "\ta ui:X11UI ;\n"
        << "\tlv2:binary <" << files.uiBinary << "> ;\n"
        << "\tlv2:requiredFeature ui:idleInterface , ui:parent ;\n"
        << "\tlv2:optionalFeature ui:resize , ui:touch , urid:map , opts:options ;\n"
        << "\tlv2:extensionData ui:idleInterface , ui:resize .\n";
}

}  // namespace vstkit::formats::lv2
