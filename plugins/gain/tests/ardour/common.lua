-- Shared helpers for the Ardour session test phases (loaded with dofile by
-- every phase_*.lua script). Runs inside ardour7-lua (Ardour 7.3 luasession),
-- whose globals are AudioEngine, create_session, load_session,
-- close_session, sleep and, once a session is open, Session.
--
-- Everything the phases need to know comes from environment variables set
-- by ardour_session_test.sh (ardour7-lua cannot take named options).

local M = {}

-- The plugin under test, as the host sees it. VSTKIT_PLUGIN_FORMAT (set by
-- the driver from the bundle's suffix) says which of its formats: VST3 is
-- found by name, LV2 by its URI.
M.PLUGIN_NAME = "VstKit"
M.PLUGIN_FORMAT = os.getenv("VSTKIT_PLUGIN_FORMAT") or "VST3"
M.LV2_URI = "https://vstkit.dev/plugins/vstkit-gain"
M.GAIN_LABEL = "Gain"
M.GAIN_MIN_DB = -24.0 -- the plugin's documented Gain range
M.GAIN_MAX_DB = 24.0
M.TRACK_NAME = "VstKit Track"

-- Export preset (export/vstkit-test.preset, copied by the driver into
-- $HOME/.config/ardour7/export): 32-bit float WAV at the session rate, no
-- dither, no normalisation.
M.EXPORT_PRESET_ID = "4e0b5d8c-7a53-4f0e-9a43-5b1c2a7d9e61"

-- The format under test as Ardour names it, and the id new_plugin takes.
function M.plugin_type()
  return M.PLUGIN_FORMAT == "LV2" and ARDOUR.PluginType.LV2 or ARDOUR.PluginType.VST3
end
function M.plugin_id()
  return M.PLUGIN_FORMAT == "LV2" and M.LV2_URI or M.PLUGIN_NAME
end

-- Returns a required environment variable or stops the phase.
function M.env(name)
  local value = os.getenv(name)
  if value == nil or value == "" then
    error("missing environment variable " .. name)
  end
  return value
end

-- Prints a line the driver can grep for ("[phase] key=value ...").
function M.report(phase, text)
  print(string.format("[%s] %s", phase, text))
end

-- Stops the phase with a message the driver shows verbatim.
function M.fail(phase, text)
  error(string.format("[%s] FAILED: %s", phase, text), 0)
end

-- Host block size for every phase, in samples. Ardour 7.3's (freewheel)
-- export now and then corrupts the heap and the process dies later (in
-- ExportGraphBuilder::reset, save_state or close_session), also with no
-- plugin in the session. How often depends on the block size, which looks
-- like a race: 4 of 12 runs at 256, about 1 in 5 at 1024 (Ardour's default
-- here), none in 30 at 4096 or in 50 at 8192.
M.BLOCK_SIZE = 4096

-- Selects the headless dummy audio backend (no sound card needed) and its
-- block size; create_session/load_session then start it at the session rate.
function M.use_dummy_backend()
  assert(AudioEngine:set_backend("None (Dummy)", "", ""), "cannot select the Dummy backend")
  assert(AudioEngine:set_buffer_size(M.BLOCK_SIZE) == 0, "cannot set the block size")
end

-- Opens the session made by phase 1, using the same directory and name.
function M.open_session(phase)
  M.use_dummy_backend()
  local s = load_session(M.env("VSTKIT_SESSION_DIR"), M.env("VSTKIT_SESSION_NAME"))
  if not s then M.fail(phase, "load_session failed") end
  M.report(phase, "loaded session " .. Session:name() .. " at " .. Session:nominal_sample_rate() .. " Hz, "
    .. Session:get_block_size() .. " samples per cycle")
  if Session:get_block_size() ~= M.BLOCK_SIZE then M.fail(phase, "engine did not take the block size") end
end

-- Saves the session (state file only, no snapshot) and closes it.
function M.save_and_close(phase)
  local rv = Session:save_state("", false, false, false, false, false)
  if rv ~= 0 then M.fail(phase, "save_state returned " .. tostring(rv)) end
  M.report(phase, "saved session state")
  close_session()
end

-- Finds our track by name (returned as a Track, not just a Route).
function M.find_track(phase)
  for r in Session:get_tracks():iter() do
    if r:name() == M.TRACK_NAME then return r:to_track() end
  end
  M.fail(phase, "track '" .. M.TRACK_NAME .. "' not found")
end

-- Finds the VstKit plugin insert on a track; returns the Processor.
function M.find_plugin(phase, track)
  local i = 0
  while true do
    local proc = track:nth_plugin(i)
    if proc:isnil() then break end
    local pi = proc:to_insert()
    if not pi:isnil() and pi:plugin(0):name() == M.PLUGIN_NAME then
      return proc
    end
    i = i + 1
  end
  M.fail(phase, "plugin '" .. M.PLUGIN_NAME .. "' not found on track " .. track:name())
end

-- Finds a plugin parameter by its label (never by index). Returns the
-- AutomationControl for it plus the parameter (port) id.
function M.find_control(phase, proc, label)
  local plugin = proc:to_insert():plugin(0)
  for cid = 0, plugin:parameter_count() - 1 do
    if plugin:parameter_is_input(cid) and plugin:parameter_label(cid) == label then
      local param = Evoral.Parameter(ARDOUR.AutomationType.PluginAutomation, 0, cid)
      local ac = proc:to_automatable():automation_control(param, false)
      if ac:isnil() then M.fail(phase, "no automation control for '" .. label .. "'") end
      return ac, cid
    end
  end
  M.fail(phase, "parameter labelled '" .. label .. "' not found")
end

-- ARDOUR.LuaAPI's *_processor_param and plugin_automation count only the
-- plugin's control inputs ("n-th parameter"), which need not equal the
-- parameter id; map an id to that index.
function M.lua_api_index(phase, proc, cid)
  local plugin = proc:to_insert():plugin(0)
  for n = 0, plugin:parameter_count() - 1 do
    local id, refs = plugin:nth_parameter(n, false)
    if refs[2] and id == cid then return n end
  end
  M.fail(phase, "parameter id " .. cid .. " has no LuaAPI index")
end

-- Ardour asks the plugin for its plain range (normalizedParamToPlain at 0
-- and 1), and VstKit reports Gain in dB: Ardour's control, its automation
-- lanes and these scripts all work in dB. Checked, so a plugin that falls
-- back to 0..1 fails loudly instead of being silently converted.
function M.require_db_range(phase, ac)
  local d = ac:desc()
  if math.abs(d.lower - M.GAIN_MIN_DB) > 1e-4 or math.abs(d.upper - M.GAIN_MAX_DB) > 1e-4 then
    M.fail(phase, string.format("Gain's range in Ardour is %g..%g, expected %g..%g dB",
      d.lower, d.upper, M.GAIN_MIN_DB, M.GAIN_MAX_DB))
  end
end

-- Sets the Gain control to a dB value and lets the engine run so the change
-- reaches the plugin (a value set right before save_state can otherwise be
-- saved stale in the plugin's state chunk).
function M.set_gain_db(phase, ac, db)
  M.require_db_range(phase, ac)
  ac:set_value(db, PBD.GroupControlDisposition.NoGroup)
  ARDOUR.LuaAPI.wait_for_process_callback(4, 1000)
  sleep(0.3)
  local now = ac:get_value()
  M.report(phase, string.format("gain set to %.2f dB (control reads %.4f dB, raw %.6f)", db, now, ac:get_value()))
  if math.abs(now - db) > 0.01 then
    M.fail(phase, string.format("Gain reads %.4f dB after setting %.2f dB", now, db))
  end
end

-- Exports samples [0, length) of the master bus to
-- $VSTKIT_EXPORT_DIR/<name>.wav. A second export in the same ardour7-lua
-- process is known to write an empty file or crash, so every phase exports
-- at most once.
function M.export(phase, name)
  local length = tonumber(M.env("VSTKIT_SOURCE_SAMPLES"))
  local e = Session:simple_export()
  if not e:set_preset(M.EXPORT_PRESET_ID) then
    M.fail(phase, "export preset " .. M.EXPORT_PRESET_ID .. " not found (is $HOME/.config/ardour7/export set up?)")
  end
  e:set_folder(M.env("VSTKIT_EXPORT_DIR"))
  e:set_name(name)
  e:set_range(0, length)
  if not e:check_outputs() then M.fail(phase, "export has no output channels (no master bus?)") end
  if not e:run_export() then M.fail(phase, "run_export failed") end
  M.report(phase, "exported " .. M.env("VSTKIT_EXPORT_DIR") .. "/" .. name .. ".wav (" .. length .. " samples)")
end

return M
