// Where the bot's telemetry goes: a Log Analytics workspace and a workspace-based Application
// Insights component. The workspace also receives the platform logs of the web app, the table
// service, the vault and the Azure Bot (their diagnostic settings). The bot exports its traces, metrics and logs there with OpenTelemetry when
// APPLICATIONINSIGHTS_CONNECTION_STRING is set (see modules/webapp.bicep and deployment/README.md).

metadata description = 'Log Analytics workspace and workspace-based Application Insights for JourneyBot telemetry.'

@description('Name of the Log Analytics workspace.')
@minLength(4)
@maxLength(63)
param workspaceName string

@description('Name of the Application Insights component.')
@minLength(1)
@maxLength(255)
param applicationInsightsName string

@description('Azure region of the workspace and the component.')
param location string

@description('Tags applied to the workspace and the component.')
param tags { *: string }

@description('Days the workspace keeps telemetry (30 is included in the price).')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

// Workspace-based: the classic, standalone Application Insights resources are retired.
resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

@description('Name of the Application Insights component (the web app reads its connection string).')
output applicationInsightsName string = applicationInsights.name

@description('Name of the Log Analytics workspace.')
output workspaceName string = workspace.name

@description('Resource id of the Log Analytics workspace: where the diagnostic settings of the other resources send their logs.')
output workspaceId string = workspace.id
