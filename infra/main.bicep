// Tilskudd in Azure, for `azd up`: one resource group per azd environment holding the Functions
// host (Flex Consumption, .NET 10 isolated), its storage account, Key Vault, monitoring, and the
// app identity's roles. Small local modules in modules/, no registry modules: it builds offline.
// What each setting is for: docs/functions-host.md. How to deploy: README.md, "Deploy to Azure".
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name (AZURE_ENV_NAME): names the resource group and seeds the resource token.')
param environmentName string

@minLength(1)
@description('Region of every resource (AZURE_LOCATION); it must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the developer running azd (AZURE_PRINCIPAL_ID): gets storage data roles to inspect data with Entra ID. Empty grants nothing.')
param principalId string = ''

@secure()
@minLength(1)
@description('The SendGrid API key (SENDGRID_API_KEY), kept in Key Vault only.')
param sendGridApiKey string

@description('Sender address of every mail; must be a sender verified in SendGrid.')
param mailFromAddress string = 'tilskudd@example.org'

@description('Sender name of every mail.')
param mailFromName string = 'Tilskudd'

@description('Durable task hub name. Each environment has its own storage account, so the same name does not collide; a new name starts an empty hub.')
param taskHubName string = 'Tilskudd'

@description('Application (client) id of the Entra ID app registration caseworkers sign in with; empty leaves App Service sign-in off.')
param signInClientId string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'
var sendGridApiKeySecretName = 'sendgrid-api-key'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: resourceGroup
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    sendGridApiKeySecretName: sendGridApiKeySecretName
    sendGridApiKey: sendGridApiKey
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    developerPrincipalId: principalId
  }
}

module api 'modules/functions.bicep' = {
  name: 'api'
  scope: resourceGroup
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUri: storage.outputs.deploymentContainerUri
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    sendGridApiKeySecretUri: keyVault.outputs.sendGridApiKeySecretUri
    taskHubName: taskHubName
    mailFromAddress: mailFromAddress
    mailFromName: mailFromName
    // With an app registration App Service authentication stands in front and hands the Api its principal;
    // the authority and audience serve clients that send their own bearer tokens instead.
    signInMode: empty(signInClientId) ? 'Jwt' : 'AppService'
    signInAuthority: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
    signInAudience: signInClientId
  }
  // The host reaches storage and Key Vault at its first start: its roles must exist by then.
  dependsOn: [
    roles
  ]
}

module signIn 'modules/signin.bicep' = if (!empty(signInClientId)) {
  name: 'signin'
  scope: resourceGroup
  params: {
    functionAppName: api.outputs.name
    clientId: signInClientId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_NAME string = api.outputs.name
output AZURE_FUNCTION_URI string = api.outputs.uri
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.endpoint
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
