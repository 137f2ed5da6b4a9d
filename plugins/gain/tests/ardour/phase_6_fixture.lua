-- Phase 6 (fixture): a session saved by the JUCE 7.0.5 build of VstKit
-- (tests/fixtures/juce-7.0.5-session, copied by the driver) loads in this
-- build: the plugin is found by its class ID, Gain reads -6 dB, and the Gain
-- automation lane keeps its four points (0 dB until 1 s, -12 dB after).
--
-- Environment: VSTKIT_LUA_DIR, VSTKIT_SESSION_DIR, VSTKIT_SESSION_NAME (the
-- fixture's copy).

local C = dofile(os.getenv("VSTKIT_LUA_DIR") .. "/common.lua")
local PHASE = "fixture"

C.open_session(PHASE)
local proc = C.find_plugin(PHASE, C.find_track(PHASE))
local gain, cid = C.find_control(PHASE, proc, C.GAIN_LABEL)
local gain_db = gain:get_value()
C.report(PHASE, string.format("Gain after loading the JUCE-era session: %.4f dB", gain_db))
if math.abs(gain_db + 6.0) > 0.01 then C.fail(PHASE, "Gain is not -6 dB") end

local rate = Session:nominal_sample_rate()
local cl = gain:alist():list()
local first = cl:eval(Temporal.timepos_t(rate // 2))
local second = cl:eval(Temporal.timepos_t(rate + rate // 2))
C.report(PHASE, string.format("lane: %d points, 0.5 s = %.3f dB, 1.5 s = %.3f dB", cl:size(), first, second))
if cl:size() ~= 4 then C.fail(PHASE, "the automation lane has " .. cl:size() .. " points, expected 4") end
if math.abs(first) > 0.01 or math.abs(second + 12.0) > 0.01 then
  C.fail(PHASE, "the automation lane's values changed")
end

-- The plugin itself (not only Ardour's control) must hold -6 dB.
local plugin_value, refs = ARDOUR.LuaAPI.get_processor_param(proc, C.lua_api_index(PHASE, proc, cid), false)
if not refs[3] then C.fail(PHASE, "get_processor_param failed") end
local plugin_db = plugin_value
C.report(PHASE, string.format("plugin reports Gain %.4f dB", plugin_db))
if math.abs(plugin_db + 6.0) > 0.01 then C.fail(PHASE, "the plugin's Gain is not -6 dB") end

close_session()
print("PHASE fixture OK")
