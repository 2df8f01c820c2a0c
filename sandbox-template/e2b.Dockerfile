# Pagecraft preview template for E2B: Node 20 with the preview dependencies installed at build time
# (so no install runs when a sandbox boots), the dev-server launcher, and a Vite cache warmed by
# starting the dev server once on a starter project. Build with `e2b template build` (see README).
FROM e2bdev/code-interpreter:latest

USER root
RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash - && apt-get install -y nodejs && node --version

USER user
WORKDIR /home/user/pagecraft
# package.json carries the exact versions every starter uses (generated from lib/templates by
# `npm run sandbox:template`, so the image and the local driver install the same set).
COPY --chown=user:user package.json ./package.json
RUN npm install --no-audit --no-fund --ignore-scripts && rm -rf ~/.npm
# The launcher and the preview reporter plugin it imports (the studio hands it the script at start).
COPY --chown=user:user launcher.mjs preview-reporter.mjs ./
COPY --chown=user:user starter/ ./app/
COPY --chown=user:user warm.mjs ./warm.mjs
# Pre-bundle React into the Vite cache once, so the first preview page needs no optimizer run.
RUN node warm.mjs && rm warm.mjs
