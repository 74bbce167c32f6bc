import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, startQueryClient } from './app/app'
import './index.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

void startQueryClient().then((queryClient) =>
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  ),
)
