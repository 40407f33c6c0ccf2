"""Notice templates (Word documents with Jinja tags), installed as ``sectools.templates``.

Made by ``python -m sectools.notices.sources templates``; clerks may edit copies in their office's
own ``templates/`` folder, which win by file name."""
