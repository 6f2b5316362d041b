-- wrk: post signed Twilio webhooks read from a file (path TAB signature TAB body, one a line),
-- each thread starting at its own place in the list.
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local requests, next_index = {}, 0
function init(args)
  for line in io.lines(args[1]) do
    local path, signature, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
    requests[#requests + 1] = wrk.format("POST", path, {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["X-Twilio-Signature"] = signature,
    }, body)
  end
  next_index = (id * 7919) % #requests
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end
