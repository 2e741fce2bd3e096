"""The domain of a public-service visit, with no Qt and no device.

Catalogue, e-forms, identity, dossier, the visit's step flow, the store, the portal contract
(client and training server) and the receipt layout all live here, so that they can be tested
headless and reused by both the kiosk and the agent point.
"""
