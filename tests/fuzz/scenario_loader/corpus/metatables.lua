setmetatable(_ENV, {__index = function() error('no') end})
scenario { name = setmetatable({}, {__tostring = function() return 'x' end}) }
