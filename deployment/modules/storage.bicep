// Azure Table Storage for the journey maps. No key is used anywhere: shared key access is off and
// the data identity reads and writes the table with the Storage Table Data Contributor role. Only
// the web app's subnet reaches the account (service endpoint); every request is logged.

metadata description = 'Storage account with the JourneyBot map table and the identity\'s data role.'

@description('Storage account name: 3-24 lowercase letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the storage account.')
param location string

@description('Tags applied to the storage account.')
param tags { *: string }

@description('Storage account redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string

@description('Name of the table that holds the maps: 3-63 letters and digits, starting with a letter.')
@minLength(3)
@maxLength(63)
param tableName string

@description('Name of the user-assigned identity (in this resource group) that gets table data access.')
param identityName string

@description('Resource id of the subnet the web app sends its outbound traffic through: the only network allowed in.')
param subnetId string

@description('Resource id of the Log Analytics workspace that receives the table service\'s logs.')
param workspaceId string

// Storage Table Data Contributor: read, write and delete tables and entities.
var tableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource tableDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: tableDataContributorRoleId
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    // Enabled for selected networks only: the web app's subnet, through its Microsoft.Storage
    // service endpoint. No IP rule, no trusted-service bypass; the table is created through Azure
    // Resource Manager, which these rules do not restrict.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'None'
      ipRules: []
      virtualNetworkRules: [
        {
          id: subnetId
          action: 'Allow'
        }
      ]
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: storageAccount
  name: 'default'
}

// The bot also creates the table at start-up if it is missing; creating it here makes the
// deployment complete on its own.
resource table 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = {
  parent: tableService
  name: tableName
}

resource tableDataAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, identity.id, tableDataContributor.id)
  scope: storageAccount
  properties: {
    roleDefinitionId: tableDataContributor.id
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'JourneyBot reads and writes its journey maps.'
  }
}

// Every read, write and delete of the table, with the caller's identity (StorageTableLogs).
resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: tableService
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'StorageRead'
        enabled: true
      }
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

@description('Name of the storage account.')
output name string = storageAccount.name

@description('Table service endpoint, e.g. https://<account>.table.core.windows.net/.')
output tableEndpoint string = storageAccount.properties.primaryEndpoints.table

@description('Name of the map table.')
output tableName string = table.name
