{{/*
Chart name, truncated to the 63 characters a DNS label allows.
*/}}
{{- define "seedbank.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name: the release name, prefixed to the chart name unless it already
contains it.
*/}}
{{- define "seedbank.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "seedbank.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "seedbank.labels" -}}
helm.sh/chart: {{ include "seedbank.chart" . }}
{{ include "seedbank.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "seedbank.selectorLabels" -}}
app.kubernetes.io/name: {{ include "seedbank.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "seedbank.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "seedbank.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "seedbank.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/*
The JDBC URL: postgresql.url when set, otherwise built from host, port and database.
*/}}
{{- define "seedbank.datasourceUrl" -}}
{{- if .Values.postgresql.url }}
{{- .Values.postgresql.url }}
{{- else if .Values.postgresql.host }}
{{- printf "jdbc:postgresql://%s:%d/%s" .Values.postgresql.host (int .Values.postgresql.port) .Values.postgresql.database }}
{{- else }}
{{- fail "set postgresql.url, or postgresql.host (with postgresql.port and postgresql.database)" }}
{{- end }}
{{- end }}

{{/*
A PodDisruptionBudget only makes sense when more than one pod can run.
*/}}
{{- define "seedbank.pdbEnabled" -}}
{{- if or .Values.autoscaling.enabled (gt (int .Values.replicaCount) 1) }}true{{- end }}
{{- end }}
