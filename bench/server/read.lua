-- wrk: read ResearchStudy/bench-NNNNN by id, ids chosen at random among the loaded studies.
-- wrk -t2 -c32 -d20s --latency -s bench/server/read.lua http://127.0.0.1:8080 -- 10000
local count = 10000
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  if args[1] then count = tonumber(args[1]) end
  math.randomseed(os.time() + (seed or 0) * 7919)
end

function request()
  local path = string.format("/fhir/ResearchStudy/bench-%05d", math.random(0, count - 1))
  return wrk.format("GET", path, { ["Accept"] = "application/fhir+json" })
end

dofile(debug.getinfo(1, "S").source:sub(2):gsub("[^/]*$", "") .. "report.lua")
