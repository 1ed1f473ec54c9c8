def same_day_interpretation_share(**kw): raise NotImplementedError
def table_two(**kw): raise NotImplementedError
