// Vägvisaren on Azure: Azure Bot (single-tenant, Teams channel), Azure Container Apps, Azure Database
// for PostgreSQL Flexible Server and Key Vault holding the secrets the app reads by reference.
//
//   az deployment group create -g <resource-group> -f deployment/azure/main.bicep -p deployment/azure/main.bicepparam
//
// The Entra app registration for the bot (its client id and a client secret) is created beforehand;
// see deployment/azure/README.md. Written against the documented resource types; not deployed from
// the development machines (no Azure CLI or Bicep compiler there).

targetScope = 'resourceGroup'

@description('Azure region for the app, database, Key Vault and logs. The bot resource itself is global.')
param location string = resourceGroup().location

@description('Prefix of resource names; lowercase letters, digits and hyphens.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'vagvisaren'

@description('Application (client) id of the single-tenant Entra app registration the bot uses (MicrosoftAppId).')
param botAppId string

@description('Client secret of that app registration (MicrosoftAppPassword). Stored in Key Vault only.')
@secure()
param botAppPassword string

@description('Key for anonymous reflection answers and export pseudonyms (VAGVISAREN_HASH_SECRET), at least 16 bytes. Stored in Key Vault only.')
@secure()
param hashSecret string

@description('Key for signed calendar and overview links (VAGVISAREN_LINK_SECRET), at least 16 bytes. Stored in Key Vault only.')
@secure()
param linkSecret string

@description('Entra tenant that owns the app registration (MicrosoftAppTenantId).')
param tenantId string = subscription().tenantId

@description('Comma-separated tenant ids allowed to use the bot; defaults to the home tenant only.')
param allowedTenants string = tenantId

@description('Container image, for example myregistry.azurecr.io/vagvisaren:0.1.0.')
param containerImage string

@description('Registry login server when the image is private (the app pulls with its managed identity, which needs AcrPull); empty for a public image.')
param registryServer string = ''

@description('Display name of the bot in Azure.')
param botDisplayName string = 'Vägvisaren'

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams are free anyway) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('PostgreSQL administrator login; the app connects with it unless you create a dedicated role (see README).')
param postgresAdminLogin string = 'vagvisaren'

@description('PostgreSQL administrator password (VAGVISAREN_DB_PASSWORD). Stored in Key Vault only.')
@secure()
@minLength(12)
param postgresAdminPassword string

@description('PostgreSQL compute size.')
param postgresSkuName string = 'Standard_B1ms'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('Days of point-in-time-restore backups PostgreSQL keeps (7 to 35).')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 14

@description('Replicas of the app: at least 2 so a restart or revision change never takes the bot away.')
@minValue(1)
param minReplicas int = 2

@minValue(1)
param maxReplicas int = 4

var suffix = uniqueString(resourceGroup().id)
var keyVaultName = take('${namePrefix}-kv-${suffix}', 24)
var databaseName = 'vagvisaren'
// Actuator (health, metrics) on its own port, which the public ingress does not expose.
var managementPort = 9090
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs-${suffix}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'microsoft-app-password'
  properties: {
    value: botAppPassword
    contentType: 'Client secret of the bot app registration'
  }
}

resource hashSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'hash-secret'
  properties: {
    value: hashSecret
    contentType: 'Key for anonymous answers and pseudonyms'
  }
}

resource linkSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'link-secret'
  properties: {
    value: linkSecret
    contentType: 'Key for signed links'
  }
}

resource dbPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'db-password'
  properties: {
    value: postgresAdminPassword
    contentType: 'PostgreSQL password of the app'
  }
}

resource secretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${namePrefix}-pg-${suffix}'
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: 32
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: postgresBackupRetentionDays
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0–0.0.0.0 is Azure's rule for "allow Azure services": the Container App's outbound addresses are
// not fixed on the Consumption plan. For a private setup use VNet integration instead (see README).
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${namePrefix}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${namePrefix}-app'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    environmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 3978
        transport: 'auto'
        allowInsecure: false
      }
      registries: empty(registryServer) ? [] : [
        {
          server: registryServer
          identity: identity.id
        }
      ]
      // Key Vault references: the values never appear in the template, the app or its revisions.
      secrets: [
        {
          name: 'microsoft-app-password'
          keyVaultUrl: appPasswordSecret.properties.secretUri
          identity: identity.id
        }
        {
          name: 'db-password'
          keyVaultUrl: dbPasswordSecret.properties.secretUri
          identity: identity.id
        }
        {
          name: 'hash-secret'
          keyVaultUrl: hashSecretValue.properties.secretUri
          identity: identity.id
        }
        {
          name: 'link-secret'
          keyVaultUrl: linkSecretValue.properties.secretUri
          identity: identity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'vagvisaren'
          image: containerImage
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          env: [
            {
              name: 'SPRING_PROFILES_ACTIVE'
              value: 'postgres'
            }
            {
              name: 'VAGVISAREN_DB_URL'
              value: 'jdbc:postgresql://${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=require'
            }
            {
              name: 'VAGVISAREN_DB_USER'
              value: postgresAdminLogin
            }
            {
              name: 'VAGVISAREN_DB_PASSWORD'
              secretRef: 'db-password'
            }
            {
              name: 'MicrosoftAppId'
              value: botAppId
            }
            {
              name: 'MicrosoftAppPassword'
              secretRef: 'microsoft-app-password'
            }
            {
              name: 'VAGVISAREN_HASH_SECRET'
              secretRef: 'hash-secret'
            }
            {
              name: 'VAGVISAREN_LINK_SECRET'
              secretRef: 'link-secret'
            }
            {
              name: 'MicrosoftAppType'
              value: 'SingleTenant'
            }
            {
              name: 'MicrosoftAppTenantId'
              value: tenantId
            }
            {
              name: 'VAGVISAREN_ALLOWED_TENANTS'
              value: allowedTenants
            }
            {
              name: 'MANAGEMENT_SERVER_PORT'
              value: string(managementPort)
            }
          ]
          // Container Apps caps failureThreshold at 10: 10 + 10 × 10 s covers the NLU training at start-up.
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/actuator/health/liveness'
                port: managementPort
              }
              initialDelaySeconds: 10
              periodSeconds: 10
              failureThreshold: 10
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/actuator/health/liveness'
                port: managementPort
              }
              periodSeconds: 10
              timeoutSeconds: 3
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/actuator/health/readiness'
                port: managementPort
              }
              periodSeconds: 5
              timeoutSeconds: 3
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http-concurrency'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
    }
  }
  // The identity must be allowed to read the secrets before the first revision starts.
  dependsOn: [
    secretsReader
    database
    allowAzureServices
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${app.properties.configuration.ingress.fqdn}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('Messaging endpoint registered on the Azure Bot.')
output messagingEndpoint string = bot.properties.endpoint

@description('Public URL for VAGVISAREN_PUBLIC_URL when building the Teams app package.')
output publicUrl string = 'https://${app.properties.configuration.ingress.fqdn}'

output keyVaultName string = keyVault.name
output postgresServer string = postgres.properties.fullyQualifiedDomainName
output managedIdentityPrincipalId string = identity.properties.principalId
