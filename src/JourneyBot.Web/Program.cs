using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow;
using JourneyBot.Protocol.Hosting;
using JourneyBot.Protocol.Turns;
using JourneyBot.Storage;
using JourneyBot.Web.Bot;
using JourneyBot.Web.Maps;
using JourneyBot.Web.Progress;
using JourneyBot.Web.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddJourneyBotTelemetry();

builder.Services.AddBotProtocol();
builder.Services.AddTableMapStore();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<MapLinkOptions>().BindConfiguration("MapLinks");
builder.Services.AddSingleton<MapLinks>();
builder.Services.AddSingleton<JourneyConversation>();
builder.Services.AddOptions<ProgressCardOptions>().BindConfiguration("ProgressCard");
builder.Services.AddKeyedSingleton(ProgressCardUpdates.ClockKey, TimeProvider.System);
builder.Services.AddSingleton<ProgressCardUpdates>();
builder.Services.AddOptions<AcknowledgementOptions>().BindConfiguration("Acknowledgements");
builder.Services.AddKeyedSingleton(Acknowledgements.ClockKey, TimeProvider.System);
builder.Services.AddSingleton<Acknowledgements>();
builder.Services.AddSingleton<CardUpdates>();
builder.Services.AddSingleton<ITurnHandler, JourneyTurnHandler>();
builder.Services.AddHealthChecks();

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks("/healthz");
app.MapBotMessages();
app.MapMapPages();

app.Run();

/// <summary>The web host's entry point; public so that tests can host it.</summary>
public partial class Program;
