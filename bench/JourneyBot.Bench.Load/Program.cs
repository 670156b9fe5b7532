using JourneyBot.Bench.Load;

return await BenchCommand.RunAsync(args);
