using JourneyBot.Web.Hosting;
using JourneyBot.Web.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddJourneyBotTelemetry();
builder.Services.AddJourneyBotWeb();

var app = builder.Build();
app.MapJourneyBotWeb();
app.Run();

/// <summary>The web host's entry point; public so that tests can host it.</summary>
public partial class Program;
