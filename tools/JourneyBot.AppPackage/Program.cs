using JourneyBot.AppPackage;

return AppPackageCli.Run(args, Environment.GetEnvironmentVariable, Console.Out, Console.Error);
