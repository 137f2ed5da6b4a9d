-- Phase 3 (gain): reloads the session, sets Gain to -6 dB, exports 0..2 s,
-- saves and closes. The driver expects this export to be 6.00 dB quieter
-- than phase 2's 0 dB export; phase 4 checks the -6 dB survived the save.
--
-- Environment: VSTKIT_LUA_DIR, VSTKIT_SESSION_DIR, VSTKIT_SESSION_NAME,
-- VSTKIT_SOURCE_SAMPLES, VSTKIT_EXPORT_DIR.

local C = dofile(os.getenv("VSTKIT_LUA_DIR") .. "/common.lua")
local PHASE = "gain"

C.open_session(PHASE)
local proc = C.find_plugin(PHASE, C.find_track(PHASE))
local gain = C.find_control(PHASE, proc, C.GAIN_LABEL)
C.report(PHASE, string.format("Gain after load: %.4f dB", gain:get_value()))
C.set_gain_db(PHASE, gain, -6.0)
C.export(PHASE, "gain_minus6db")
C.save_and_close(PHASE)
print("PHASE gain OK")
