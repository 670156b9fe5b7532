namespace JourneyBot.Bench.Micro.Activities;

/// <summary>
/// Activities as Teams posts them to the bot in a channel: field order, ids and the extras the
/// bot does not type (the HTML copy of a message, clientInfo, localTimezone, channelData's source
/// and legacy) included, because the parser pays for every byte it must skip or keep.
/// </summary>
internal static class TeamsActivityJson
{
    public const string BotId = "28:7c3e5f10-2b4d-4e6a-9c8b-1d3f5a7b9c0e";

    /// <summary>A typed contribution in a channel thread, mentioning the bot.</summary>
    public const string ChannelMessageWithMention = """
        {
          "text": "<at>JourneyBot</at> touchpoint Purchase | website | Compares delivery costs on the checkout page before paying | observed",
          "textFormat": "plain",
          "attachments": [
            {
              "contentType": "text/html",
              "content": "<p><span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">JourneyBot</span>&nbsp;touchpoint Purchase | website | Compares delivery costs on the checkout page before paying | observed</p>"
            }
          ],
          "type": "message",
          "timestamp": "2026-01-01T10:00:01.2345678Z",
          "localTimestamp": "2026-01-01T10:00:01.2345678+00:00",
          "id": "1767261601234",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": {
            "id": "29:1mB7uX3kQ9vR2sT5wY8zA0cD4eF6gH1jK3lN5pQ7rS9tV2xZ4bC6dE8fG0hJ2kL4m",
            "name": "Priya Raman",
            "aadObjectId": "7a9c1e3b-5d7f-4b2a-8c4e-0d2f4a6c8e44"
          },
          "conversation": {
            "isGroup": true,
            "conversationType": "channel",
            "tenantId": "b4f6d8e0-2a4c-4e6f-8a0c-2e4a6c8e0a1b",
            "id": "19:general0a1b2c3d4e5f@thread.tacv2;messageid=1767261600000"
          },
          "recipient": {
            "id": "28:7c3e5f10-2b4d-4e6a-9c8b-1d3f5a7b9c0e",
            "name": "JourneyBot"
          },
          "entities": [
            {
              "mentioned": {
                "id": "28:7c3e5f10-2b4d-4e6a-9c8b-1d3f5a7b9c0e",
                "name": "JourneyBot"
              },
              "text": "<at>JourneyBot</at>",
              "type": "mention"
            },
            {
              "locale": "en-GB",
              "country": "GB",
              "platform": "Web",
              "timezone": "Europe/London",
              "type": "clientInfo"
            }
          ],
          "channelData": {
            "teamsChannelId": "19:general0a1b2c3d4e5f@thread.tacv2",
            "teamsTeamId": "19:5b1c0e0a3f2e4d6f8a9b@thread.tacv2",
            "channel": {
              "id": "19:general0a1b2c3d4e5f@thread.tacv2"
            },
            "team": {
              "id": "19:5b1c0e0a3f2e4d6f8a9b@thread.tacv2"
            },
            "tenant": {
              "id": "b4f6d8e0-2a4c-4e6f-8a0c-2e4a6c8e0a1b"
            }
          },
          "locale": "en-GB",
          "localTimezone": "Europe/London"
        }
        """;

    /// <summary>A press on the contribution form's Add button (Action.Execute): the button's data merged with every input.</summary>
    public const string CardActionInvoke = """
        {
          "name": "adaptiveCard/action",
          "type": "invoke",
          "timestamp": "2026-01-01T10:00:02.3456789Z",
          "localTimestamp": "2026-01-01T10:00:02.3456789+00:00",
          "id": "f:6204e1b2-7a1d-4c57-9b0e-3d1a8c4e2f10",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": {
            "id": "29:1mB7uX3kQ9vR2sT5wY8zA0cD4eF6gH1jK3lN5pQ7rS9tV2xZ4bC6dE8fG0hJ2kL4m",
            "name": "Priya Raman",
            "aadObjectId": "7a9c1e3b-5d7f-4b2a-8c4e-0d2f4a6c8e44"
          },
          "conversation": {
            "isGroup": true,
            "conversationType": "channel",
            "tenantId": "b4f6d8e0-2a4c-4e6f-8a0c-2e4a6c8e0a1b",
            "id": "19:general0a1b2c3d4e5f@thread.tacv2;messageid=1767261600000"
          },
          "recipient": {
            "id": "28:7c3e5f10-2b4d-4e6a-9c8b-1d3f5a7b9c0e",
            "name": "JourneyBot"
          },
          "entities": [
            {
              "locale": "en-GB",
              "country": "GB",
              "platform": "Web",
              "timezone": "Europe/London",
              "type": "clientInfo"
            }
          ],
          "channelData": {
            "channel": {
              "id": "19:general0a1b2c3d4e5f@thread.tacv2"
            },
            "team": {
              "id": "19:5b1c0e0a3f2e4d6f8a9b@thread.tacv2"
            },
            "tenant": {
              "id": "b4f6d8e0-2a4c-4e6f-8a0c-2e4a6c8e0a1b"
            },
            "source": {
              "name": "message"
            },
            "legacy": {
              "replyToId": "1:1x2y3z4a5b6c7d8e9f0g1h2i3j4k5l6m7n8o9p0q"
            }
          },
          "replyToId": "1767261600321",
          "value": {
            "action": {
              "type": "Action.Execute",
              "title": "Add",
              "verb": "add",
              "data": {
                "verb": "add",
                "mapId": "k3f9qw7m2xhd",
                "step": "Contribute",
                "kind": "touchpoint",
                "stage": "s4",
                "text": "Compares delivery costs on the checkout page before paying",
                "channel": "Website",
                "score": "",
                "owner": "",
                "evidence": "observed"
              }
            },
            "trigger": "manual"
          },
          "locale": "en-GB",
          "localTimezone": "Europe/London"
        }
        """;

    /// <summary>The same press where the client falls back to Action.Submit: a message whose value is the data and inputs.</summary>
    public const string CardSubmitMessage = """
        {
          "type": "message",
          "timestamp": "2026-01-01T10:00:03.4567891Z",
          "localTimestamp": "2026-01-01T10:00:03.4567891+00:00",
          "id": "1767261603456",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": {
            "id": "29:1mB7uX3kQ9vR2sT5wY8zA0cD4eF6gH1jK3lN5pQ7rS9tV2xZ4bC6dE8fG0hJ2kL4m",
            "name": "Priya Raman",
            "aadObjectId": "7a9c1e3b-5d7f-4b2a-8c4e-0d2f4a6c8e44"
          },
          "conversation": {
            "isGroup": true,
            "conversationType": "channel",
            "tenantId": "b4f6d8e0-2a4c-4e6f-8a0c-2e4a6c8e0a1b",
            "id": "19:general0a1b2c3d4e5f@thread.tacv2;messageid=1767261600000"
          },
          "recipient": {
            "id": "28:7c3e5f10-2b4d-4e6a-9c8b-1d3f5a7b9c0e",
            "name": "JourneyBot"
          },
          "entities": [
            {
              "locale": "en-GB",
              "country": "GB",
              "platform": "Web",
              "timezone": "Europe/London",
              "type": "clientInfo"
            }
          ],
          "channelData": {
            "channel": {
              "id": "19:general0a1b2c3d4e5f@thread.tacv2"
            },
            "team": {
              "id": "19:5b1c0e0a3f2e4d6f8a9b@thread.tacv2"
            },
            "tenant": {
              "id": "b4f6d8e0-2a4c-4e6f-8a0c-2e4a6c8e0a1b"
            },
            "source": {
              "name": "message"
            },
            "legacy": {
              "replyToId": "1:1x2y3z4a5b6c7d8e9f0g1h2i3j4k5l6m7n8o9p0q"
            }
          },
          "replyToId": "1767261600321",
          "value": {
            "verb": "add",
            "mapId": "k3f9qw7m2xhd",
            "step": "Contribute",
            "kind": "touchpoint",
            "stage": "s4",
            "text": "Compares delivery costs on the checkout page before paying",
            "channel": "Website",
            "score": "",
            "owner": "",
            "evidence": "observed"
          },
          "locale": "en-GB",
          "localTimezone": "Europe/London"
        }
        """;
}
