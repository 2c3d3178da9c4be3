-- wrk: search ResearchStudy by condition (about ten matches of 10,000) with the sponsor and the
-- eligibility Group included.
-- wrk -t2 -c32 -d20s --latency -s bench/server/search.lua http://127.0.0.1:8080 -- 1000
local conditions = 1000
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  if args[1] then conditions = tonumber(args[1]) end
  math.randomseed(os.time() + (seed or 0) * 104729)
end

function request()
  local path = string.format(
    "/fhir/ResearchStudy?condition=urn:fhirtrials:bench:condition%%7Cc%04d&_include=ResearchStudy:sponsor&_include=ResearchStudy:enrollment",
    math.random(0, conditions - 1))
  return wrk.format("GET", path, { ["Accept"] = "application/fhir+json" })
end

dofile(debug.getinfo(1, "S").source:sub(2):gsub("[^/]*$", "") .. "report.lua")
