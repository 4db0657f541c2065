// Key Vault with the SendGrid API key. Access by Azure RBAC only (Key Vault Secrets User for the
// app, roles.bicep); the app reads the key through a Key Vault reference in its app settings.

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Region of the vault.')
param location string

@description('Tags for the vault.')
param tags object

@description('Name of the secret holding the SendGrid API key.')
param sendGridApiKeySecretName string

@secure()
@description('The SendGrid API key.')
param sendGridApiKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    // A deleted vault or secret cannot be purged before its retention ends, by anyone: the SendGrid key and what
    // later secrets the product keeps survive a mistaken or malicious delete.
    enablePurgeProtection: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource sendGridApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: sendGridApiKeySecretName
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

output name string = vault.name
output endpoint string = vault.properties.vaultUri
@description('The secret\'s URI without a version: the app follows the newest version.')
output sendGridApiKeySecretUri string = sendGridApiKeySecret.properties.secretUri
