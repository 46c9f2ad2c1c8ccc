<#
.SYNOPSIS
    A five-minute tour of IotAdmin against the emulator (./build.ps1 Demo runs it).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $CredentialsFile,
    [Parameter(Mandatory)] [string] $Endpoint
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../out/IotAdmin/IotAdmin.psd1') -Force

Write-Host "`n> Connect-IotAdmin -CredentialsFile <file> -Endpoint $Endpoint -PassThru" -ForegroundColor Cyan
Connect-IotAdmin -CredentialsFile $CredentialsFile -Endpoint $Endpoint -PassThru | Format-Table

Write-Host '> Get-IotProject' -ForegroundColor Cyan
$projects = Get-IotProject
$projects | Format-Table
$project = $projects | Where-Object { -not $_.IsInventory } | Select-Object -First 1

Write-Host "> Get-IotDevice -ProjectId $($project.ProjectId) | Select-Object -First 10" -ForegroundColor Cyan
Get-IotDevice -ProjectId $project.ProjectId | Select-Object -First 10 | Format-Table

Write-Host "> Get-IotDevice -ProjectId $($project.ProjectId) -Label @{ floor = '3' } -DeviceType temperature" -ForegroundColor Cyan
$floor3 = @(Get-IotDevice -ProjectId $project.ProjectId -Label @{ floor = '3' } -DeviceType temperature)
$floor3 | Format-Table

Write-Host "> ... | Set-IotLabel -Label @{ zone = 'north' } -WhatIf" -ForegroundColor Cyan
$floor3 | Set-IotLabel -Label @{ zone = 'north' } -WhatIf -InformationAction Continue

Write-Host "> ... | Set-IotLabel -Label @{ zone = 'north' } -PassThru" -ForegroundColor Cyan
$floor3 | Set-IotLabel -Label @{ zone = 'north' } -PassThru -InformationAction Continue | Format-Table

Write-Host "> Get-IotDevice -ProjectId $($project.ProjectId) -DeviceId nosuchdevice00000000 (a non-terminating error with a hint)" -ForegroundColor Cyan
Get-IotDevice -ProjectId $project.ProjectId -DeviceId 'nosuchdevice00000000' -ErrorVariable notFound -ErrorAction SilentlyContinue
$notFound | ForEach-Object { "{0}: {1} -> {2}" -f $_.FullyQualifiedErrorId, $_.CategoryInfo.Category, $_.ErrorDetails.RecommendedAction }

Write-Host '> Get-IotSession; Disconnect-IotAdmin' -ForegroundColor Cyan
Get-IotSession | Format-List Endpoint, KeyId, Email, TokenExpiresOn, RateLimit
Disconnect-IotAdmin
