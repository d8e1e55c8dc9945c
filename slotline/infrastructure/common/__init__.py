"""Provider-neutral pieces that more than one adapter needs; no adapter package is imported from here.

Import each module by its path, so that using one helper loads only what that helper needs:
- `sms_text`: GSM-7 fitting and segment counting for SMS bodies.
- `sms_recipient`: the E.164 check a number passes before any SMS provider is asked to text it.
- `failure_reason`: a provider's failure as one short line with the recipient's number masked.
- `log_redaction`: what may reach a log line — secrets hidden, numbers masked, SMS bodies dropped.
- `sent_texts`: a sender's bounded memory of dedupe keys it already sent, with one lock per key in flight.
- `phone_parsing`: human-written phone numbers to E.164.
- `resampling`: PCM16 mono at another sample rate.
- `setting_types`: setting types that read the same from the config file and the environment.
- `espeak_program`: running the espeak-ng program; `espeak_phonemes`: its letter-to-sound pronunciations.
"""
