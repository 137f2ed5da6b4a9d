#include "vstkit/bridge/bridge_session.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "kind_name.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/value_text.h"

namespace vstkit::bridge {

namespace {

using nlohmann::json;

// JSON-RPC 2.0's error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;

/// Refusing the message: its code and one plain line.
struct Refusal {
    int code;
    std::string message;
};

/// The size of an editor a page may ask for, in pixels.
constexpr int kMaxEditorSide = 16384;

/// Meters below this read as this (JSON has no -Inf).
constexpr double kMeterFloorDb = -120.0;

std::string dump(const json& value) {
    // Replace rather than throw should a string ever hold invalid UTF-8.
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json errorReply(const json& id, const Refusal& refusal) {
    return {{"jsonrpc", "2.0"},
            {"id", id},
            {"error", {{"code", refusal.code}, {"message", refusal.message}}}};
}

double toDb(float linear) {
    if (!(linear > 0.0F)) {
        return kMeterFloorDb;
    }
    // Two decimals are finer than any meter draws, and keep frames short.
    const double db = std::round(2000.0 * std::log10(static_cast<double>(linear))) / 100.0;
    return std::max(db, kMeterFloorDb);
}

}  // namespace

/// The methods, each reading its params and returning a result or a Refusal.
struct BridgeSession::Impl {
    using Outcome = std::variant<json, Refusal>;

    static Outcome dispatch(BridgeSession& session, std::string_view method, const json& params) {
        if (method == "parameters.list") {
            return list(session);
        }
        if (method == "parameter.set") {
            return set(session, params);
        }
        if (method == "gesture.begin" || method == "gesture.end") {
            return gesture(session, params, method == "gesture.begin");
        }
        if (method == "value.format") {
            return format(session, params);
        }
        if (method == "value.parse") {
            return parse(session, params);
        }
        if (method == "editor.resize") {
            return resize(session, params);
        }
        return Refusal{kMethodNotFound, "unknown method '" + std::string(method) + "'"};
    }

    static json rowJson(const BridgeSession& session, std::size_t row) {
        const auto& spec = session.parameters_[row];
        json choices = json::array();
        for (const auto choice : spec.choices) {
            choices.push_back(std::string(choice));
        }
        return {{"id", std::string(spec.stableId)},
                {"name", std::string(spec.name)},
                {"unit", std::string(spec.unit)},
                {"kind", std::string(kindName(spec.kind))},
                {"role", spec.role == protocol::ParamRole::Bypass ? "bypass" : "value"},
                {"min", spec.minValue},
                {"max", spec.maxValue},
                {"default", spec.defaultValue},
                {"decimals", spec.displayDecimals},
                {"choices", std::move(choices)},
                {"value", plainValue(session, row)}};
    }

    static float plainValue(const BridgeSession& session, std::size_t row) {
        return protocol::fromNormalized(session.parameters_[row],
                                        session.target_.normalizedValue(row));
    }

    static Outcome list(BridgeSession& session) {
        json rows = json::array();
        for (std::size_t row = 0; row < session.parameters_.size(); ++row) {
            rows.push_back(rowJson(session, row));
            session.lastSentNormalized_[row] = session.target_.normalizedValue(row);
        }
        return json{{"parameters", std::move(rows)}};
    }

    /// params.id, a row of the table.
    static std::variant<std::size_t, Refusal> row(const BridgeSession& session,
                                                  const json& params) {
        const auto id = params.find("id");
        if (id == params.end() || !id->is_string()) {
            return Refusal{kInvalidParams, "params.id must be a parameter id (a string)"};
        }
        const auto& text = id->get_ref<const std::string&>();
        for (std::size_t index = 0; index < session.parameters_.size(); ++index) {
            if (session.parameters_[index].stableId == text) {
                return index;
            }
        }
        return Refusal{kInvalidParams, "unknown parameter '" + text + "'"};
    }

    /// params[key], a finite number.
    static std::variant<double, Refusal> number(const json& params, const char* key) {
        const auto value = params.find(key);
        if (value == params.end() || !value->is_number()) {
            return Refusal{kInvalidParams, std::string("params.") + key + " must be a number"};
        }
        const double number = value->get<double>();
        if (!std::isfinite(number)) {
            return Refusal{kInvalidParams, std::string("params.") + key + " must be finite"};
        }
        return number;
    }

    /// params.id and params.value: a row and a value clamped into its range
    /// (in double first, so values beyond float's range clamp instead of
    /// becoming Inf).
    struct RowValue {
        std::size_t row;
        float plain;
    };
    static std::variant<RowValue, Refusal> rowAndValue(const BridgeSession& session,
                                                       const json& params) {
        const auto index = row(session, params);
        if (const auto* refusal = std::get_if<Refusal>(&index)) {
            return *refusal;
        }
        const auto value = number(params, "value");
        if (const auto* refusal = std::get_if<Refusal>(&value)) {
            return *refusal;
        }
        const std::size_t rowIndex = std::get<std::size_t>(index);
        const auto& spec = session.parameters_[rowIndex];
        const double clamped =
            std::clamp(std::get<double>(value), static_cast<double>(spec.minValue),
                       static_cast<double>(spec.maxValue));
        return RowValue{rowIndex, static_cast<float>(clamped)};
    }

    static Outcome set(BridgeSession& session, const json& params) {
        const auto parsed = rowAndValue(session, params);
        if (const auto* refusal = std::get_if<Refusal>(&parsed)) {
            return *refusal;
        }
        const auto [rowIndex, plain] = std::get<RowValue>(parsed);
        const float normalized = protocol::toNormalized(session.parameters_[rowIndex], plain);
        // A set outside a gesture is a gesture of its own, as hosts expect.
        const bool ownGesture = !session.gestureOpen_[rowIndex];
        if (ownGesture) {
            session.target_.beginEdit(rowIndex);
        }
        session.target_.performEdit(rowIndex, normalized);
        if (ownGesture) {
            session.target_.endEdit(rowIndex);
        }
        session.lastSentNormalized_[rowIndex] = session.target_.normalizedValue(rowIndex);
        return json{{"value", plainValue(session, rowIndex)}};
    }

    static Outcome gesture(BridgeSession& session, const json& params, bool begin) {
        const auto index = row(session, params);
        if (const auto* refusal = std::get_if<Refusal>(&index)) {
            return *refusal;
        }
        const std::size_t rowIndex = std::get<std::size_t>(index);
        if (session.gestureOpen_[rowIndex] == begin) {
            return Refusal{kInvalidParams, begin ? "a gesture is already open on this parameter"
                                                 : "no gesture is open on this parameter"};
        }
        session.gestureOpen_[rowIndex] = begin;
        if (begin) {
            session.target_.beginEdit(rowIndex);
        } else {
            session.target_.endEdit(rowIndex);
        }
        return json::object();
    }

    static Outcome format(BridgeSession& session, const json& params) {
        const auto parsed = rowAndValue(session, params);
        if (const auto* refusal = std::get_if<Refusal>(&parsed)) {
            return *refusal;
        }
        const auto [rowIndex, plain] = std::get<RowValue>(parsed);
        return json{{"text", protocol::formatValue(session.parameters_[rowIndex], plain)}};
    }

    static Outcome parse(BridgeSession& session, const json& params) {
        const auto index = row(session, params);
        if (const auto* refusal = std::get_if<Refusal>(&index)) {
            return *refusal;
        }
        const auto text = params.find("text");
        if (text == params.end() || !text->is_string()) {
            return Refusal{kInvalidParams, "params.text must be a string"};
        }
        const auto& spec = session.parameters_[std::get<std::size_t>(index)];
        const auto parsed = protocol::parseValue(spec, text->get_ref<const std::string&>());
        if (!parsed) {
            // Appended, not `"'" + text + ...`: GCC 12 at -O3 warns falsely (-Wrestrict) on that.
            std::string message = "'";
            message.append(text->get_ref<const std::string&>())
                .append("' is not a value of ")
                .append(spec.name);
            return Refusal{kInvalidParams, std::move(message)};
        }
        return json{{"value", *parsed}};
    }

    static Outcome resize(BridgeSession& session, const json& params) {
        int sides[2] = {0, 0};
        const char* keys[2] = {"width", "height"};
        for (int side = 0; side < 2; ++side) {
            const auto value = params.find(keys[side]);
            if (value == params.end() || !value->is_number_integer() ||
                value->get<long long>() < 1 || value->get<long long>() > kMaxEditorSide) {
                return Refusal{kInvalidParams, std::string("params.") + keys[side] +
                                                   " must be a whole number of pixels, 1 to 16384"};
            }
            sides[side] = static_cast<int>(value->get<long long>());
        }
        return json{{"accepted", session.target_.requestResize(sides[0], sides[1])}};
    }

    /// One request or notification; the reply (null for a notification).
    static json handleOne(BridgeSession& session, const json& message) {
        if (!message.is_object()) {
            return errorReply(nullptr, {kInvalidRequest, "a request must be a JSON object"});
        }
        const auto idField = message.find("id");
        const bool isNotification = idField == message.end();
        json id = isNotification ? json(nullptr) : *idField;
        if (!id.is_null() && !id.is_string() && !id.is_number()) {
            return errorReply(nullptr, {kInvalidRequest, "id must be a string, a number or null"});
        }
        const auto version = message.find("jsonrpc");
        const auto method = message.find("method");
        if (version == message.end() || *version != "2.0") {
            return errorReply(id, {kInvalidRequest, "jsonrpc must be \"2.0\""});
        }
        if (method == message.end() || !method->is_string()) {
            return errorReply(id, {kInvalidRequest, "method must be a string"});
        }
        const auto paramsField = message.find("params");
        static const json kNoParams = json::object();
        if (paramsField != message.end() && !paramsField->is_object()) {
            return errorReply(id, {kInvalidParams, "params must be an object"});
        }
        const json& params = paramsField == message.end() ? kNoParams : *paramsField;
        auto outcome = dispatch(session, method->get_ref<const std::string&>(), params);
        if (isNotification) {
            return nullptr;
        }
        if (auto* refusal = std::get_if<Refusal>(&outcome)) {
            return errorReply(id, *refusal);
        }
        return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(std::get<json>(outcome))}};
    }
};

BridgeSession::BridgeSession(std::span<const protocol::ParamSpec> parameters, BridgeTarget& target)
    : parameters_(parameters),
      target_(target),
      lastSentNormalized_(parameters.size(), -1.0F),
      gestureOpen_(parameters.size(), false) {}

BridgeSession::~BridgeSession() {
    endOpenGestures();
}

void BridgeSession::endOpenGestures() {
    for (std::size_t row = 0; row < gestureOpen_.size(); ++row) {
        if (gestureOpen_[row]) {
            gestureOpen_[row] = false;
            target_.endEdit(row);
        }
    }
}

std::string BridgeSession::handle(std::string_view message) {
    if (message.size() > kMaxMessageBytes) {
        return dump(errorReply(nullptr, {kInvalidRequest, "message over 64 KiB"}));
    }
    const json parsed = json::parse(message, nullptr, false);
    if (parsed.is_discarded()) {
        return dump(errorReply(nullptr, {kParseError, "not valid JSON"}));
    }
    if (!parsed.is_array()) {
        const json reply = Impl::handleOne(*this, parsed);
        return reply.is_null() ? std::string() : dump(reply);
    }
    if (parsed.empty()) {
        return dump(errorReply(nullptr, {kInvalidRequest, "an empty batch"}));
    }
    json replies = json::array();
    for (const auto& request : parsed) {
        json reply = Impl::handleOne(*this, request);
        if (!reply.is_null()) {
            replies.push_back(std::move(reply));
        }
    }
    return replies.empty() ? std::string() : dump(replies);
}

std::vector<std::string> BridgeSession::pendingNotifications(
    std::chrono::steady_clock::time_point now) {
    std::vector<std::string> notifications;
    for (std::size_t row = 0; row < parameters_.size(); ++row) {
        const float normalized = target_.normalizedValue(row);
        if (normalized == lastSentNormalized_[row]) {
            continue;
        }
        lastSentNormalized_[row] = normalized;
        notifications.push_back(dump({{"jsonrpc", "2.0"},
                                      {"method", "parameter.changed"},
                                      {"params",
                                       {{"id", std::string(parameters_[row].stableId)},
                                        {"value", Impl::plainValue(*this, row)}}}}));
    }
    const std::size_t channels = target_.meterChannels();
    if (channels > 0 && now - lastMeters_ >= kMeterInterval) {
        // The meters keep their own pace whatever the caller's tick (a 10 ms
        // tick would otherwise give one every 40 ms); after a stall, afresh.
        lastMeters_ = now - lastMeters_ < 2 * kMeterInterval ? lastMeters_ + kMeterInterval : now;
        json levels = json::array();
        for (std::size_t channel = 0; channel < channels; ++channel) {
            const MeterLevels meter = target_.meterLevels(channel);
            levels.push_back(
                {{"peakDb", toDb(meter.peak)}, {"rmsDb", toDb(meter.rms)}, {"clips", meter.clips}});
        }
        notifications.push_back(dump({{"jsonrpc", "2.0"},
                                      {"method", "meters"},
                                      {"params", {{"channels", std::move(levels)}}}}));
    }
    return notifications;
}

}  // namespace vstkit::bridge
