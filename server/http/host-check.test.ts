import { describe, expect, it } from 'vitest'
import { createHostMatcher } from './host-check.ts'

describe('createHostMatcher', () => {
  const loopback = createHostMatcher({ host: '127.0.0.1', port: 4173, allowedHosts: [] })

  it.each(['127.0.0.1:4173', 'localhost:4173', 'LOCALHOST:4173', '[::1]:4173'])('serves %s', (host) => {
    expect(loopback(host)).toBe(true)
  })

  it.each(['evil.example:4173', 'evil.example', '127.0.0.1', '127.0.0.1:80', 'localhost:4174', '', '127.0.0.1:4173.evil', 'localhost:4173@evil'])(
    'refuses %s (DNS rebinding and look-alikes)',
    (host) => {
      expect(loopback(host)).toBe(false)
    },
  )

  it('serves the bound host and ALLOWED_HOSTS entries, with or without a port', () => {
    const matcher = createHostMatcher({ host: '192.168.1.5', port: 8080, allowedHosts: ['inbox.example.com', 'box.lan:8080'] })
    expect(matcher('192.168.1.5:8080')).toBe(true)
    expect(matcher('inbox.example.com')).toBe(true)
    expect(matcher('inbox.example.com:443')).toBe(true)
    expect(matcher('box.lan:8080')).toBe(true)
    expect(matcher('box.lan:9090')).toBe(false)
    expect(matcher('192.168.1.6:8080')).toBe(false)
  })

  it('does not treat a wildcard bind address as a host name', () => {
    const matcher = createHostMatcher({ host: '0.0.0.0', port: 4173, allowedHosts: [] })
    expect(matcher('0.0.0.0:4173')).toBe(false)
    expect(matcher('localhost:4173')).toBe(true)
  })

  it('understands a port-80 server reached without a port', () => {
    expect(createHostMatcher({ host: 'localhost', port: 80, allowedHosts: [] })('localhost')).toBe(true)
  })
})
