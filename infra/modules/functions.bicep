// The Function App (Tilskudd.Functions) on a Linux Flex Consumption plan.
//
// Flex Consumption, not Consumption (Y1): Linux Consumption gets no .NET 10 and needs an Azure Files
// share reached with the account key (WEBSITE_CONTENTAZUREFILECONNECTIONSTRING), which a storage
// account without shared keys cannot give; Flex deploys from a blob container reached by identity.
// On Flex the runtime is not an app setting: FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION
// are refused there and are given as functionAppConfig.runtime (dotnet-isolated, 10.0) instead.
//
// The app settings are exactly what the code reads in Azure (checked by tests/Tilskudd.Functions.Tests
// against the options classes, host.json and local.settings.sample.json).

@description('Function App name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Region of the plan and the app.')
param location string

@description('Tags for the plan and the app; the app also gets azd\'s service tag.')
param tags object

@description('Resource id of the app\'s user-assigned identity.')
param identityId string

@description('Client id of the app\'s user-assigned identity.')
param identityClientId string

@description('Blob endpoint of the storage account (https://<account>.blob.<suffix>/).')
param storageBlobEndpoint string

@description('Queue endpoint of the storage account.')
param storageQueueEndpoint string

@description('Table endpoint of the storage account.')
param storageTableEndpoint string

@description('URI of the blob container the app package is deployed to.')
param deploymentContainerUri string

@description('Application Insights connection string (an ingestion address, not a key: local auth is off).')
param applicationInsightsConnectionString string

@description('Key Vault URI of the SendGrid API key secret, without a version.')
param sendGridApiKeySecretUri string

@description('Durable task hub name (letters and digits, starting with a letter).')
param taskHubName string

@description('Sender address of every mail (verified in SendGrid).')
param mailFromAddress string

@description('Sender name of every mail.')
param mailFromName string

@description('How the Api learns who signs in: Jwt (bearer tokens from the authority) or AppService (App Service authentication\'s X-MS-CLIENT-PRINCIPAL).')
@allowed([
  'Jwt'
  'AppService'
])
param signInMode string = 'Jwt'

@description('OpenID Connect authority whose tokens the Api accepts (Jwt mode).')
param signInAuthority string

@description('Audience the tokens must be issued for (the app registration\'s client id).')
param signInAudience string

@description('Most instances the plan may scale out to.')
param maximumInstanceCount int = 40

@description('Memory per instance in MB (512, 2048 or 4096).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUri
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // .NET 10 isolated worker: the project's target framework (Directory.Build.props).
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // The Functions runtime's storage and the Durable task hub's (host.json: connectionName),
        // by the user-assigned identity: no connection string, no key.
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        {
          name: 'AzureWebJobsStorage__blobServiceUri'
          value: storageBlobEndpoint
        }
        {
          name: 'AzureWebJobsStorage__queueServiceUri'
          value: storageQueueEndpoint
        }
        {
          name: 'AzureWebJobsStorage__tableServiceUri'
          value: storageTableEndpoint
        }
        // host.json: extensions.durableTask.hubName = %TaskHubName%.
        {
          name: 'TaskHubName'
          value: taskHubName
        }
        // Telemetry by identity (Monitoring Metrics Publisher), since the component has local auth off.
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsightsConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identityClientId};Authorization=AAD'
        }
        // StorageOptions: the product's tables and blobs, by the same identity.
        {
          name: 'Tilskudd__Storage__BlobServiceUri'
          value: storageBlobEndpoint
        }
        {
          name: 'Tilskudd__Storage__TableServiceUri'
          value: storageTableEndpoint
        }
        {
          name: 'Tilskudd__Storage__ClientId'
          value: identityClientId
        }
        // MailOptions. No SendGridHost: in Azure mail goes to SendGrid itself.
        {
          name: 'Tilskudd__Mail__SendGridApiKey'
          value: '@Microsoft.KeyVault(SecretUri=${sendGridApiKeySecretUri})'
        }
        {
          name: 'Tilskudd__Mail__FromAddress'
          value: mailFromAddress
        }
        {
          name: 'Tilskudd__Mail__FromName'
          value: mailFromName
        }
        // SendGrid lists a message in its Email Activity feed within minutes of taking it (the feed needs the add-on
        // and a key with its scope); a send whose end was lost is not repeated before then.
        {
          name: 'Tilskudd__Mail__ActivityFeedLag'
          value: '00:10:00'
        }
        // RegistersOptions: Enhetsregisteret's open-data API live (no key); locally recorded answers.
        {
          name: 'Tilskudd__Registers__Mode'
          value: 'Live'
        }
        {
          name: 'Tilskudd__Registers__BaseAddress'
          value: 'https://data.brreg.no/enhetsregisteret/api/'
        }
        // SignInOptions: who sends a request (Tilskudd.Api/Security/SignIn.cs).
        {
          name: 'Tilskudd__SignIn__Mode'
          value: signInMode
        }
        {
          name: 'Tilskudd__SignIn__Authority'
          value: signInAuthority
        }
        {
          name: 'Tilskudd__SignIn__Audience'
          value: signInAudience
        }
        // RateLimitOptions: per instance; submits per signed-in user, tokens per address (Development only).
        {
          name: 'Tilskudd__RateLimits__SubmitsPerMinute'
          value: '20'
        }
        {
          name: 'Tilskudd__RateLimits__TokensPerMinute'
          value: '60'
        }
      ]
    }
  }
}

// azd deploys the package with Entra ID; nobody publishes with a user name and password.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
