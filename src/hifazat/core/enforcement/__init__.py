"""Pure enforcement rules: vocabularies, review priority and SLAs, strikes and standing, the decision
life cycle, notices in English and Urdu, the audit hash chain and transparency arithmetic.

Nothing here touches a database or the network; services carry the effects out.
"""
